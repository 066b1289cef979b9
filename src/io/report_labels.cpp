// The report's label catalog: one row per label, its English text the key, one column per shipped language.
// Kept in code rather than a data file so a report can never be missing its words at run time.
#include "io/report_labels.hpp"

#include "core/country.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <array>
#include <cctype>

namespace mitra::io {
namespace {

// The order of a Label's translations.
constexpr std::array<std::string_view, 9> kLanguages = {"ja", "ko", "zh-Hans", "zh-Hant", "th", "id", "hi", "vi", "ur"};

struct Label {
    std::string_view en;
    std::array<std::string_view, 9> in;  // as kLanguages; empty: English
};

// clang-format off
constexpr Label kLabels[] = {
    // Titles of the report, its tables (also XLSX sheet names) and charts.
    {"Programme report", {"プログラム報告書", "프로그램 보고서", "项目报告", "計畫報告", "รายงานโครงการ", "Laporan program", "कार्यक्रम रिपोर्ट", "Báo cáo chương trình", "پروگرام رپورٹ"}},
    {"Summary", {"概要", "요약", "摘要", "摘要", "สรุป", "Ringkasan", "सारांश", "Tóm tắt", "خلاصہ"}},
    {"Programme summary", {"プログラムの概要", "프로그램 요약", "项目概要", "計畫概要", "สรุปโครงการ", "Ringkasan program", "कार्यक्रम सारांश", "Tóm tắt chương trình", "پروگرام کا خلاصہ"}},
    {"Countries", {"国別", "국가별", "国家", "國家", "ประเทศ", "Negara", "देश", "Quốc gia", "ممالک"}},
    {"By country", {"国別", "국가별", "按国家", "按國家", "แยกตามประเทศ", "Menurut negara", "देश के अनुसार", "Theo quốc gia", "ملک کے لحاظ سے"}},
    {"Modules", {"モジュール", "모듈", "单元", "單元", "หน่วยการเรียน", "Modul", "मॉड्यूल", "Học phần", "ماڈیول"}},
    {"By module: attendance, completion and drop-out", {"モジュール別：出席・修了・離脱", "모듈별: 출석, 수료, 중도 이탈", "按单元：出勤、完成与流失", "按單元：出勤、完成與流失", "แยกตามหน่วย: การเข้าร่วม การสำเร็จ และการออกกลางคัน", "Menurut modul: kehadiran, kelulusan, dan berhenti di tengah jalan", "मॉड्यूल के अनुसार: उपस्थिति, पूर्णता और बीच में छोड़ना", "Theo học phần: tham dự, hoàn thành và bỏ học", "ماڈیول کے لحاظ سے: حاضری، تکمیل اور ترک"}},
    {"Months", {"月別", "월별", "月份", "月份", "รายเดือน", "Bulan", "महीने", "Tháng", "مہینے"}},
    {"Attendance over time", {"出席の推移", "출석 추이", "出勤趋势", "出勤趨勢", "การเข้าร่วมตามช่วงเวลา", "Kehadiran dari waktu ke waktu", "समय के साथ उपस्थिति", "Tham dự theo thời gian", "وقت کے ساتھ حاضری"}},
    {"People enrolled and completed, by country", {"国別の登録者と修了者", "국가별 등록 및 수료 인원", "各国报名与结业人数", "各國報名與結業人數", "ผู้ลงทะเบียนและผู้สำเร็จ แยกตามประเทศ", "Peserta terdaftar dan lulus, menurut negara", "देश के अनुसार नामांकित और पूरा करने वाले लोग", "Số người đăng ký và hoàn thành, theo quốc gia", "ملک کے لحاظ سے داخل اور مکمل کرنے والے افراد"}},
    {"Attendance over time: attendances per month", {"出席の推移：月ごとの出席数", "출석 추이: 월별 출석 수", "出勤趋势：每月出勤人次", "出勤趨勢：每月出勤人次", "การเข้าร่วมตามช่วงเวลา: จำนวนการเข้าร่วมต่อเดือน", "Kehadiran dari waktu ke waktu: kehadiran per bulan", "समय के साथ उपस्थिति: प्रति माह उपस्थितियाँ", "Tham dự theo thời gian: lượt tham dự mỗi tháng", "وقت کے ساتھ حاضری: ماہانہ حاضریاں"}},
    {"Completion funnel: people who completed each module", {"修了ファネル：各モジュールの修了者数", "수료 퍼널: 모듈별 수료 인원", "完成漏斗：各单元完成人数", "完成漏斗：各單元完成人數", "กรวยการสำเร็จ: จำนวนผู้สำเร็จแต่ละหน่วย", "Corong kelulusan: orang yang menyelesaikan tiap modul", "पूर्णता फ़नल: हर मॉड्यूल पूरा करने वाले लोग", "Phễu hoàn thành: số người hoàn thành mỗi học phần", "تکمیل کا قیف: ہر ماڈیول مکمل کرنے والے افراد"}},
    {"people who completed each module", {"各モジュールの修了者数", "모듈별 수료 인원", "各单元完成人数", "各單元完成人數", "จำนวนผู้สำเร็จแต่ละหน่วย", "orang yang menyelesaikan tiap modul", "हर मॉड्यूल पूरा करने वाले लोग", "số người hoàn thành mỗi học phần", "ہر ماڈیول مکمل کرنے والے افراد"}},
    {"attendances per month", {"月ごとの出席数", "월별 출석 수", "每月出勤人次", "每月出勤人次", "จำนวนการเข้าร่วมต่อเดือน", "kehadiran per bulan", "प्रति माह उपस्थितियाँ", "lượt tham dự mỗi tháng", "ماہانہ حاضریاں"}},

    // Column headings and figure names.
    {"figure", {"項目", "항목", "指标", "指標", "รายการ", "angka", "आँकड़ा", "chỉ số", "اعداد"}},
    {"value", {"値", "값", "数值", "數值", "ค่า", "nilai", "मान", "giá trị", "قدر"}},
    {"period", {"期間", "기간", "期间", "期間", "ช่วงเวลา", "periode", "अवधि", "giai đoạn", "مدت"}},
    {"country", {"国", "국가", "国家", "國家", "ประเทศ", "negara", "देश", "quốc gia", "ملک"}},
    {"curriculum", {"カリキュラム", "교육과정", "课程", "課程", "หลักสูตร", "kurikulum", "पाठ्यक्रम", "chương trình học", "نصاب"}},
    {"curriculum title", {"カリキュラム名", "교육과정명", "课程名称", "課程名稱", "ชื่อหลักสูตร", "judul kurikulum", "पाठ्यक्रम का नाम", "tên chương trình học", "نصاب کا نام"}},
    {"cohort", {"コホート", "기수", "班级", "班級", "รุ่น", "angkatan", "बैच", "khóa", "بیچ"}},
    {"cohorts", {"コホート数", "기수 수", "班级数", "班級數", "จำนวนรุ่น", "jumlah angkatan", "बैचों की संख्या", "số khóa", "بیچوں کی تعداد"}},
    {"people enrolled", {"登録者数", "등록 인원", "报名人数", "報名人數", "ผู้ลงทะเบียน", "peserta terdaftar", "नामांकित लोग", "số người đăng ký", "داخل شدہ افراد"}},
    {"people completed", {"修了者数", "수료 인원", "结业人数", "結業人數", "ผู้สำเร็จการอบรม", "peserta lulus", "पूरा करने वाले लोग", "số người hoàn thành", "مکمل کرنے والے افراد"}},
    {"completion rate", {"修了率", "수료율", "结业率", "結業率", "อัตราการสำเร็จ", "tingkat kelulusan", "पूर्णता दर", "tỷ lệ hoàn thành", "تکمیل کی شرح"}},
    {"sessions held", {"実施セッション数", "진행된 세션", "已举办课次", "已舉辦課次", "จำนวนครั้งที่จัด", "sesi terlaksana", "आयोजित सत्र", "số buổi đã tổ chức", "منعقدہ سیشن"}},
    {"sessions without attendance recorded", {"出欠未記録のセッション", "출석 미기록 세션", "未记录出勤的课次", "未記錄出勤的課次", "ครั้งที่ยังไม่บันทึกการเข้าร่วม", "sesi tanpa catatan kehadiran", "बिना उपस्थिति दर्ज सत्र", "buổi chưa ghi điểm danh", "حاضری کے اندراج کے بغیر سیشن"}},
    {"session hours delivered", {"実施時間（時間）", "진행 시간(시간)", "授课时数", "授課時數", "ชั่วโมงการอบรมที่จัด", "jam sesi terlaksana", "दिए गए सत्र घंटे", "số giờ đã giảng dạy", "فراہم کردہ سیشن گھنٹے"}},
    {"participant hours attended", {"受講者の延べ出席時間", "참가자 누적 출석 시간", "学员出勤总时数", "學員出勤總時數", "ชั่วโมงเข้าร่วมรวมของผู้เข้าอบรม", "jam kehadiran peserta", "प्रतिभागियों के उपस्थित घंटे", "tổng giờ tham dự của học viên", "شرکاء کے حاضر گھنٹے"}},
    {"enrolled but never attended", {"登録後一度も出席なし", "등록 후 미출석", "报名但从未出勤", "報名但從未出勤", "ลงทะเบียนแต่ไม่เคยเข้าร่วม", "terdaftar tetapi tidak pernah hadir", "नामांकित पर कभी उपस्थित नहीं", "đăng ký nhưng chưa từng tham dự", "داخل مگر کبھی حاضر نہیں"}},
    {"certificates issued", {"発行した修了証", "발급된 수료증", "已颁发证书", "已頒發證書", "ประกาศนียบัตรที่ออก", "sertifikat diterbitkan", "जारी प्रमाणपत्र", "chứng nhận đã cấp", "جاری کردہ اسناد"}},
    {"certificates revoked", {"取り消した修了証", "취소된 수료증", "已撤销证书", "已撤銷證書", "ประกาศนียบัตรที่เพิกถอน", "sertifikat dicabut", "रद्द प्रमाणपत्र", "chứng nhận đã thu hồi", "منسوخ شدہ اسناد"}},
    {"trainers active", {"活動したトレーナー", "활동 강사", "授课培训师", "授課培訓師", "วิทยากรที่สอน", "pelatih aktif", "सक्रिय प्रशिक्षक", "giảng viên hoạt động", "فعال تربیت کار"}},
    {"note", {"注記", "참고", "说明", "說明", "หมายเหตุ", "catatan", "टिप्पणी", "ghi chú", "نوٹ"}},
    {"enrolled", {"登録", "등록", "报名", "報名", "ลงทะเบียน", "terdaftar", "नामांकित", "đăng ký", "داخل شدہ"}},
    {"completed", {"修了", "수료", "结业", "結業", "สำเร็จ", "lulus", "पूर्ण", "hoàn thành", "مکمل"}},
    {"session hours", {"セッション時間", "세션 시간", "课时", "課時", "ชั่วโมงอบรม", "jam sesi", "सत्र घंटे", "giờ học", "سیشن گھنٹے"}},
    {"module", {"モジュール", "모듈", "单元", "單元", "หน่วยการเรียน", "modul", "मॉड्यूल", "học phần", "ماڈیول"}},
    {"attendances", {"出席数", "출석 수", "出勤人次", "出勤人次", "จำนวนการเข้าร่วม", "kehadiran", "उपस्थितियाँ", "lượt tham dự", "حاضریاں"}},
    {"attendance rate", {"出席率", "출석률", "出勤率", "出勤率", "อัตราการเข้าร่วม", "tingkat kehadiran", "उपस्थिति दर", "tỷ lệ tham dự", "حاضری کی شرح"}},
    {"people attending", {"出席者数", "출석 인원", "出勤人数", "出勤人數", "ผู้เข้าร่วม", "orang yang hadir", "उपस्थित लोग", "số người tham dự", "حاضر افراد"}},
    {"dropped out after", {"この後に離脱", "이후 중도 이탈", "此后流失", "此後流失", "ออกกลางคันหลังหน่วยนี้", "berhenti setelahnya", "इसके बाद छोड़ा", "bỏ học sau học phần này", "اس کے بعد چھوڑ دیا"}},
    {"month", {"月", "월", "月份", "月份", "เดือน", "bulan", "महीना", "tháng", "مہینہ"}},

    // Values and sentences.
    {"all", {"すべて", "전체", "全部", "全部", "ทั้งหมด", "semua", "सभी", "tất cả", "تمام"}},
    {"suppressed", {"非表示", "비공개", "不公开", "不公開", "ปกปิด", "disembunyikan", "छिपाया गया", "ẩn", "پوشیدہ"}},
    {"{from} to {to}", {"{from}～{to}", "{from} ~ {to}", "{from}至{to}", "{from}至{to}", "{from} ถึง {to}", "{from} s.d. {to}", "{from} से {to}", "{from} đến {to}", "{from} تا {to}"}},
    {"{label}: {value}", {"{label}：{value}", "{label}: {value}", "{label}：{value}", "{label}：{value}", "{label}: {value}", "{label}: {value}", "{label}: {value}", "{label}: {value}", "{label}: {value}"}},
    {"{cohorts} cohort(s), {sessions} session(s) held", {"コホート{cohorts}件、実施セッション{sessions}回", "기수 {cohorts}개, 진행 세션 {sessions}회", "{cohorts}个班级，已举办{sessions}次课", "{cohorts}個班級，已舉辦{sessions}次課", "{cohorts} รุ่น จัดไปแล้ว {sessions} ครั้ง", "{cohorts} angkatan, {sessions} sesi terlaksana", "{cohorts} बैच, {sessions} सत्र आयोजित", "{cohorts} khóa, {sessions} buổi đã tổ chức", "{cohorts} بیچ، {sessions} سیشن منعقد"}},
    {"counts from 1 to 4 are shown as <5; rates from them, and other cells from which one could be worked out, are suppressed",
     {"1～4の人数は<5と表示し、そこから求める率と、そこから逆算できる他の値は表示しません",
      "1~4명은 <5로 표시하며, 이로부터 계산되는 비율과 이를 역산할 수 있는 다른 값은 표시하지 않습니다",
      "1至4的计数显示为<5；由其算出的比率，以及可据以反推出它的其他数值，均不显示",
      "1至4的計數顯示為<5；由其算出的比率，以及可據以反推出它的其他數值，均不顯示",
      "จำนวน 1 ถึง 4 แสดงเป็น <5 และไม่แสดงอัตราที่คำนวณจากจำนวนนั้น รวมถึงค่าอื่นที่อาจใช้คำนวณย้อนกลับได้",
      "jumlah 1 sampai 4 ditampilkan sebagai <5; tingkat yang dihitung darinya, dan sel lain yang dapat dipakai untuk menghitungnya kembali, disembunyikan",
      "1 से 4 तक की गिनती <5 दिखाई जाती है; उनसे बनी दरें, और वे अन्य आँकड़े जिनसे उन्हें वापस निकाला जा सके, छिपाए जाते हैं",
      "số đếm từ 1 đến 4 được hiển thị là <5; các tỷ lệ tính từ chúng, và các ô khác có thể dùng để suy ngược ra chúng, đều được ẩn",
      "1 سے 4 تک کی گنتی <5 دکھائی جاتی ہے؛ ان سے بننے والی شرحیں، اور وہ دوسرے خانے جن سے انہیں دوبارہ نکالا جا سکے، چھپائے جاتے ہیں"}},
    {"Aggregate figures only", {"集計値のみ", "집계 수치만", "仅含汇总数据", "僅含彙總數據", "ข้อมูลรวมเท่านั้น", "Hanya angka agregat", "केवल समेकित आँकड़े", "Chỉ số liệu tổng hợp", "صرف مجموعی اعداد"}},
    {"Nothing to show for this period", {"この期間に表示するものはありません", "이 기간에 표시할 내용이 없습니다", "此期间没有可显示的内容", "此期間沒有可顯示的內容", "ไม่มีข้อมูลในช่วงเวลานี้", "Tidak ada yang ditampilkan untuk periode ini", "इस अवधि के लिए दिखाने को कुछ नहीं", "Không có gì để hiển thị trong giai đoạn này", "اس مدت کے لیے دکھانے کو کچھ نہیں"}},
    {"nothing in this period", {"この期間は該当なし", "이 기간에 해당 없음", "此期间无数据", "此期間無資料", "ไม่มีในช่วงเวลานี้", "tidak ada pada periode ini", "इस अवधि में कुछ नहीं", "không có trong giai đoạn này", "اس مدت میں کچھ نہیں"}},
    {"page {n}", {"{n}ページ", "{n}쪽", "第{n}页", "第{n}頁", "หน้า {n}", "halaman {n}", "पृष्ठ {n}", "trang {n}", "صفحہ {n}"}},

    // The CSV's columns (table,item,measure,value).
    {"table", {"表", "표", "表", "表", "ตาราง", "tabel", "तालिका", "bảng", "جدول"}},
    {"item", {"項目", "항목", "项目", "項目", "รายการ", "butir", "मद", "mục", "مد"}},
    {"measure", {"指標", "측정값", "度量", "度量", "ตัวชี้วัด", "ukuran", "माप", "chỉ số", "پیمانہ"}},
};
// clang-format on

const Label* find_label(std::string_view english) {
    for (const auto& l : kLabels)
        if (l.en == english) return &l;
    return nullptr;
}

int language_index(std::string_view language) {
    const std::string shipped = report_language(language);
    for (std::size_t i = 0; i < kLanguages.size(); ++i)
        if (kLanguages[i] == shipped) return static_cast<int>(i);
    return -1;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

const std::vector<std::string>& report_languages() {
    static const std::vector<std::string> all = [] {
        std::vector<std::string> v{"en"};
        for (auto l : kLanguages) v.emplace_back(l);
        return v;
    }();
    return all;
}

std::string report_language(std::string_view tag) {
    std::string t = lower(tag);
    for (char& c : t)
        if (c == '_') c = '-';
    const std::string primary = t.substr(0, t.find('-'));
    if (primary == "zh") {
        // Traditional for Taiwan, Hong Kong and Macau or an explicit Hant; Simplified otherwise.
        for (const char* traditional : {"-hant", "-tw", "-hk", "-mo"})
            if (t.find(traditional) != std::string::npos) return "zh-Hant";
        return "zh-Hans";
    }
    for (const auto& l : report_languages())
        if (l == primary) return l;
    return "";
}

std::string report_label(std::string_view english, std::string_view language,
                         const std::vector<std::pair<std::string, std::string>>& values) {
    std::string text(english);
    const int index = language_index(language);
    if (const Label* label = find_label(english); label && index >= 0 && !label->in[index].empty())
        text = std::string(label->in[index]);
    for (const auto& [name, value] : values) {
        const std::string slot = "{" + name + "}";
        for (std::size_t at = text.find(slot); at != std::string::npos; at = text.find(slot, at + value.size()))
            text.replace(at, slot.size(), value);
    }
    return text;
}

bool has_report_label(std::string_view english, std::string_view language) {
    const Label* label = find_label(english);
    if (!label) return false;
    if (report_language(language) == "en") return true;
    const int index = language_index(language);
    return index >= 0 && !label->in[index].empty();
}

std::vector<std::string> report_label_keys() {
    std::vector<std::string> keys;
    for (const auto& l : kLabels) keys.emplace_back(l.en);
    return keys;
}

std::string country_name(const std::string& iso_code, std::string_view language) {
    std::string shipped = report_language(language);
    if (shipped.empty()) shipped = std::string(language);
    return mitra::country_name(iso_code, shipped);
}

}  // namespace mitra::io

// The people of the tests: names in the region's scripts, which must come back byte for byte.
#pragma once
#include <string>

namespace mitra::cli_test {

inline const std::string kYamada = "山田 花子";
inline const std::string kMinjun = "김민준";
inline const std::string kSomchai = "สมชาย ใจดี";
inline const std::string kPriya = "प्रिया शर्मा";
inline const std::string kSriyani =
    "\u0DC1\u0DCA\u200D\u0DBB\u0DD2\u0DBA\u0DCF\u0DB1\u0DD2";  // ශ්‍රියානි, with its ZWJ
inline const std::string kAisha = "عائشہ خان";
inline const std::string kMinhKhai = "Nguyễn Thị Minh Khai";
inline const std::string kSukarno = "Sukarno";
inline const std::string kBobby = "Robert'); DROP TABLE participants;--";
inline const std::string kSita = "सीता राई";

inline const std::string kPeopleHeader = "ref,full_name,latin_name,country,language,email\n";

// Eight people in seven scripts, the SQL-looking name among them (P-013 is added by hand).
inline std::string people_csv() {
    return kPeopleHeader + "P-001," + kYamada +
           ",Yamada Hanako,JP,ja,hanako@example.org\n"
           "P-002," +
           kMinjun +
           ",Kim Min-jun,KR,ko,\n"
           "P-003," +
           kSomchai +
           ",Somchai Jaidee,TH,th,\n"
           "P-004," +
           kPriya +
           ",Priya Sharma,IN,hi,\n"
           "P-005," +
           kAisha +
           ",Aisha Khan,PK,ur,\n"
           "P-006," +
           kMinhKhai +
           ",,VN,vi,\n"
           "P-007," +
           kSukarno +
           ",,ID,id,\n"
           "P-008," +
           kBobby + ",,GB,en,\n";
}

}  // namespace mitra::cli_test

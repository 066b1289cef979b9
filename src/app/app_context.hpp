// What every window shares: the open database, where the shipped files are, the fonts for certificates, today.
#pragma once
#include "io/files.hpp"
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "core/attendance_dates.hpp"
#include "core/calendar.hpp"
#include "store/database.hpp"

namespace mitra::pdf {
class FontStack;
}

namespace mitra::app {

using io::shipped_dir;  // where curricula/, certificates/, forms/ and locale/ are

class AppContext {
public:
    AppContext();
    ~AppContext();

    // Opens (and migrates) a file path or postgresql:// URL; a database with no curriculum yet gets the
    // shipped curricula imported. Throws store::DatabaseError or InputError; the old database stays open then.
    void open(const std::string& target);
    bool is_open() const { return db_ != nullptr; }
    store::Database& db();
    std::string target() const;

    pdf::FontStack& fonts();  // made on first use: it reads the font directories

    Date today() const { return today_ ? today_() : today_utc(); }
    // Today at a site, in its IANA time zone (a test's day, when it set one, is every site's day).
    Date today_at(const std::string& time_zone) const { return today_ ? today_() : today_in(time_zone); }
    void set_today(std::function<Date()> today) { today_ = std::move(today); }

    // The interface's language as a BCP 47 tag ("ja", "zh-Hans", "id", "en"), for module titles.
    std::string language() const { return language_; }
    void set_language(std::string tag) { language_ = std::move(tag); }

private:
    std::unique_ptr<store::Database> db_;
    std::unique_ptr<pdf::FontStack> fonts_;
    std::function<Date()> today_;
    std::string language_ = "en";
};

}  // namespace mitra::app

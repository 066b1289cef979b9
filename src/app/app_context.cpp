// What every window shares: the open database, where the shipped files are, the fonts for certificates, today.
#include "app/app_context.hpp"

#include <cstdlib>

#include "core/problem.hpp"
#include "io/curriculum_toml.hpp"
#include "pdf/font_stack.hpp"
#include "store/app_queries.hpp"
#include "store/repos.hpp"

namespace mitra::app {

namespace fs = std::filesystem;

AppContext::AppContext() = default;
AppContext::~AppContext() = default;

void AppContext::open(const std::string& target) {
    auto db = store::Database::open(target);
    // A read-only database is shown as it is (see MainFrame's notice); nothing is imported into it.
    if (!db->read_only() && store::AppQueries(*db).has_no_curricula()) {
        db->write([&] {
            auto shipped = io::read_shipped_curricula();
            if (!shipped.ok()) throw InputError{shipped.problems};
            for (auto& curriculum : shipped.value) store::CurriculumRepo(*db).import(curriculum);
        });
    }
    db_ = std::move(db);
}

store::Database& AppContext::db() {
    if (!db_) throw store::DatabaseError(Fault{FaultCode::no_database_open, {}, "no database is open"});
    return *db_;
}

std::string AppContext::target() const { return db_ ? db_->target() : std::string(); }

pdf::FontStack& AppContext::fonts() {
    if (!fonts_) fonts_ = std::make_unique<pdf::FontStack>();
    return *fonts_;
}

}  // namespace mitra::app

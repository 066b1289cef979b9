// Scans on SQLite step the statement directly; on PostgreSQL they read a cursor in batches through libpq.
#include "store/scan.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <charconv>
#include <memory>
#include <stdexcept>
#include <vector>

#include "store/database.hpp"

namespace mitra::store {
namespace {

using namespace sqlite_api;

void scan_sqlite(sqlite3* handle, const std::string& query, const std::function<void(const ScanRow&)>& each) {
    sqlite3_stmt* raw = nullptr;
    if (const int rc = sqlite3_prepare_v2(handle, query.c_str(), static_cast<int>(query.size()), &raw, nullptr))
        throw soci::sqlite3_soci_error(sqlite3_errmsg(handle), rc);
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
    const int columns = sqlite3_column_count(raw);
    std::vector<std::optional<std::string_view>> cells(static_cast<std::size_t>(columns));
    const ScanRow row(cells);
    int rc;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
        for (int i = 0; i < columns; ++i) {
            // NULL comes as a null pointer (which otherwise means SQLite ran out of memory).
            if (const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(raw, i))) {
                cells[i].emplace(text, static_cast<std::size_t>(sqlite3_column_bytes(raw, i)));
            } else {
                if (sqlite3_column_type(raw, i) != SQLITE_NULL) throw soci::sqlite3_soci_error("out of memory", SQLITE_NOMEM);
                cells[i].reset();
            }
        }
        each(row);
    }
    if (rc != SQLITE_DONE) throw soci::sqlite3_soci_error(sqlite3_errmsg(handle), rc);
}

// Runs one command on the connection; its result when it returns rows.
std::unique_ptr<PGresult, void (*)(PGresult*)> run(PGconn* connection, const std::string& command) {
    std::unique_ptr<PGresult, void (*)(PGresult*)> result(PQexec(connection, command.c_str()), PQclear);
    const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw soci::soci_error(PQerrorMessage(connection));
    return result;
}

void scan_postgresql(PGconn* connection, const std::string& query,
                     const std::function<void(const ScanRow&)>& each) {
    const std::string cursor = "mitra_scan";
    run(connection, "DECLARE " + cursor + " NO SCROLL CURSOR FOR " + query);
    struct Closer {  // an error in `each` leaves the transaction usable, without the cursor
        PGconn* connection;
        const std::string& cursor;
        ~Closer() { PQclear(PQexec(connection, ("CLOSE " + cursor).c_str())); }
    } closer{connection, cursor};
    // The next batch is asked for before this one is read, so the server makes it while we work.
    const std::string fetch = "FETCH FORWARD 20000 FROM " + cursor;
    auto ask = [&] {
        if (!PQsendQuery(connection, fetch.c_str())) throw soci::soci_error(PQerrorMessage(connection));
    };
    auto receive = [&] {
        std::unique_ptr<PGresult, void (*)(PGresult*)> batch(PQgetResult(connection), PQclear);
        while (PGresult* extra = PQgetResult(connection)) PQclear(extra);  // the end of this command's results
        if (!batch || PQresultStatus(batch.get()) != PGRES_TUPLES_OK) throw soci::soci_error(PQerrorMessage(connection));
        return batch;
    };
    std::vector<std::optional<std::string_view>> cells;
    ask();
    for (;;) {
        const auto batch = receive();
        const int rows = PQntuples(batch.get()), columns = PQnfields(batch.get());
        if (rows == 0) break;
        ask();
        cells.resize(static_cast<std::size_t>(columns));
        const ScanRow row(cells);
        for (int r = 0; r < rows; ++r) {
            for (int i = 0; i < columns; ++i) {
                if (PQgetisnull(batch.get(), r, i)) cells[i].reset();
                else cells[i].emplace(PQgetvalue(batch.get(), r, i), static_cast<std::size_t>(PQgetlength(batch.get(), r, i)));
            }
            each(row);
        }
    }
}

}  // namespace

std::optional<long long> ScanRow::integer(std::size_t column) const {
    const auto text = cells_[column];
    if (!text) return std::nullopt;
    long long value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc{} || end != text->data() + text->size()) return std::nullopt;
    return value;
}

void scan(Database& db, const std::string& query, const std::function<void(const ScanRow&)>& each) {
    thread_local bool scanning = false;
    if (scanning) throw std::logic_error("a scan was started while another was handing over its rows");
    scanning = true;
    struct Done {
        bool& scanning;
        ~Done() { scanning = false; }
    } done{scanning};
    db.read([&] {
        if (db.backend() == Backend::sqlite)
            scan_sqlite(static_cast<soci::sqlite3_session_backend*>(db.sql().get_backend())->conn_, query, each);
        else
            scan_postgresql(static_cast<soci::postgresql_session_backend*>(db.sql().get_backend())->conn_, query,
                            each);
    });
}

}  // namespace mitra::store

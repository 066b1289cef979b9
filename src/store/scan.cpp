// Scans on SQLite step the statement directly; on PostgreSQL they read COPY's stream through libpq.
#include "store/scan.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cctype>
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
                if (sqlite3_column_type(raw, i) != SQLITE_NULL)
                    throw soci::sqlite3_soci_error("out of memory", SQLITE_NOMEM);
                cells[i].reset();
            }
        }
        each(row);
    }
    if (rc != SQLITE_DONE) throw soci::sqlite3_soci_error(sqlite3_errmsg(handle), rc);
}

// One field of COPY's text format with its backslash escapes undone (only called when it has some).
void unescape(std::string_view field, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] != '\\' || i + 1 == field.size()) {
            out += field[i];
            continue;
        }
        const char c = field[++i];
        switch (c) {
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'v': out += '\v'; break;
            case 'x': {  // \xh or \xhh
                int value = 0, digits = 0;
                while (digits < 2 && i + 1 < field.size() && std::isxdigit(static_cast<unsigned char>(field[i + 1]))) {
                    const char h = field[++i];
                    value = value * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                    ++digits;
                }
                out += static_cast<char>(value);
                break;
            }
            default:
                if (c >= '0' && c <= '7') {  // \d, \dd or \ddd in octal
                    int value = c - '0', digits = 1;
                    while (digits < 3 && i + 1 < field.size() && field[i + 1] >= '0' && field[i + 1] <= '7') {
                        value = value * 8 + (field[++i] - '0');
                        ++digits;
                    }
                    out += static_cast<char>(value);
                } else {
                    out += c;  // \\ and any other character stand for themselves
                }
        }
    }
}

// COPY ... TO STDOUT streams the rows while the server is still reading them, so it works while we do.
void scan_postgresql(PGconn* connection, const std::string& query, const std::function<void(const ScanRow&)>& each) {
    {
        std::unique_ptr<PGresult, void (*)(PGresult*)> started(
            PQexec(connection, ("COPY (" + query + ") TO STDOUT").c_str()), PQclear);
        if (!started || PQresultStatus(started.get()) != PGRES_COPY_OUT)
            throw soci::soci_error(PQerrorMessage(connection));
    }
    // Whatever happens to the reader, the rest of the stream is read, so the connection is usable again.
    struct Finish {
        PGconn* connection;
        bool done = false;
        ~Finish() {
            if (done) return;
            char* buffer = nullptr;
            while (PQgetCopyData(connection, &buffer, 0) > 0) PQfreemem(buffer);
            while (PGresult* r = PQgetResult(connection)) PQclear(r);
        }
    } finish{connection};
    std::vector<std::optional<std::string_view>> cells;
    std::vector<std::string> unescaped;
    int size;
    char* buffer = nullptr;
    while ((size = PQgetCopyData(connection, &buffer, 0)) > 0) {
        const std::unique_ptr<char, void (*)(void*)> line(buffer, PQfreemem);
        std::string_view rest(buffer, static_cast<std::size_t>(size));
        if (!rest.empty() && rest.back() == '\n') rest.remove_suffix(1);
        std::size_t column = 0;
        for (;;) {
            const std::size_t tab = rest.find('\t');
            const std::string_view field = rest.substr(0, tab);
            if (cells.size() <= column) {
                cells.resize(column + 1);
                unescaped.resize(column + 1);
            }
            if (field == "\\N") {
                cells[column].reset();
            } else if (field.find('\\') == std::string_view::npos) {
                cells[column].emplace(field);
            } else {
                unescape(field, unescaped[column]);
                cells[column].emplace(unescaped[column]);
            }
            ++column;
            if (tab == std::string_view::npos) break;
            rest.remove_prefix(tab + 1);
        }
        each(ScanRow(std::span(cells.data(), column)));
    }
    if (size == -2) throw soci::soci_error(PQerrorMessage(connection));
    finish.done = true;
    std::unique_ptr<PGresult, void (*)(PGresult*)> ended(PQgetResult(connection), PQclear);
    const bool ok = ended && PQresultStatus(ended.get()) == PGRES_COMMAND_OK;
    const std::string message = ok ? "" : PQerrorMessage(connection);
    while (PGresult* r = PQgetResult(connection)) PQclear(r);
    if (!ok) throw soci::soci_error(message);
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
            scan_postgresql(static_cast<soci::postgresql_session_backend*>(db.sql().get_backend())->conn_, query, each);
    });
}

}  // namespace mitra::store

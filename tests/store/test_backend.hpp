// Which backend a test run is against: SQLite files (the default), or a PostgreSQL server when CTest runs the
// suite again with MITRA_TEST_BACKEND=postgresql and MITRA_TEST_PG=<URL of a server the tests may use>.
#pragma once
#include <string>

namespace mitra::test_backend {

bool postgresql();

// MITRA_TEST_PG: fails the test, saying how to get one, when the PostgreSQL run has no server.
std::string server_url();

// `url` with its search_path set to `schema` (a libpq URL option).
std::string with_schema(const std::string& url, const std::string& schema);

// A fresh, empty schema on the test server, dropped with everything in it afterwards.
class Schema {
public:
    Schema();
    ~Schema();
    Schema(const Schema&) = delete;
    Schema& operator=(const Schema&) = delete;
    std::string url;  // connects with this schema first on the search path
    std::string name;
};

// Runs SQL statements (separated by "; ") on the test server as its administrator, in one session.
void admin_execute(const std::string& statement);

}  // namespace mitra::test_backend

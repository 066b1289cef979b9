// Which backend a test run is against, and fresh schemas on the PostgreSQL test server.
#include "test_backend.hpp"

#include <catch2/catch.hpp>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cstdlib>
#include <random>

namespace mitra::test_backend {

bool postgresql() {
    const char* backend = std::getenv("MITRA_TEST_BACKEND");
    return backend && std::string(backend) == "postgresql";
}

std::string server_url() {
    const char* url = std::getenv("MITRA_TEST_PG");
    if (!url || !*url) FAIL("this run is against PostgreSQL but MITRA_TEST_PG names no server; script/test starts one");
    return url;
}

std::string with_schema(const std::string& url, const std::string& schema) {
    return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
}

void admin_execute(const std::string& statement) {
    soci::session admin(*soci::factory_postgresql(), server_url());
    admin << "SET client_min_messages TO WARNING";
    // One statement per "; " so that SET ROLE holds for those after it.
    std::size_t from = 0;
    for (std::size_t at = statement.find("; ");; at = statement.find("; ", from)) {
        admin << statement.substr(from, at == std::string::npos ? std::string::npos : at - from);
        if (at == std::string::npos) break;
        from = at + 2;
    }
}

Schema::Schema() {
    thread_local std::mt19937_64 random{std::random_device{}()};
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "t_%016llx", static_cast<unsigned long long>(random()));
    name = buffer;
    admin_execute("CREATE SCHEMA " + name);
    url = with_schema(server_url(), name);
}

Schema::~Schema() {
    try {
        admin_execute("DROP SCHEMA " + name + " CASCADE");
    } catch (...) {}
}

}  // namespace mitra::test_backend

#pragma once

#include <string>

#include "rung/core/error.hpp"

// The PostgreSQL cluster of the tests (tests/support/postgres_cluster.sh): the one make test's
// CTest fixture started (its socket directory in RUNG_TEST_POSTGRES), or else one started on
// first use by this process and stopped by itself once the process has ended.
namespace rung::test_support {

// A libpq URI of a fresh, empty schema (search_path) of its own in the test cluster: each
// test's store starts empty, and the cluster is thrown away at the end. An error (with what
// postgres_cluster.sh said on stderr) when the cluster cannot be started, e.g. when Debian's
// postgresql-15 is not installed: the tests that need it fail, never skip.
Result<std::string> postgres_test_uri();

// The socket directory of the test cluster (starting it as postgres_test_uri() does).
Result<std::string> postgres_socket_dir();

}  // namespace rung::test_support

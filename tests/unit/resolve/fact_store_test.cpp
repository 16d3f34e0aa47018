// FactStore: requests and waves, and parsing on demand while a ParseOnDemand is alive.
#include <catch2/catch.hpp>

#include "../rules/temp_dir.hpp"
#include "resolve/fact_store.hpp"

using namespace testtier;

namespace {

/// A repository of two modules and the store over it (one thread, no cache).
struct Store {
  test::TempDir dir;
  std::vector<std::string> files{"app/base.py", "app/cases.py"};
  resolve::ModuleIndex modules{files, {"."}};
  resolve::FactStore store{dir.root(), modules, ParseOptions{}, 1};

  Store() {
    dir.write("app/base.py", "class Base:\n    pass\n");
    dir.write("app/cases.py", "from app.base import Base\n\nclass Case(Base):\n    pass\n");
  }
};

}  // namespace

TEST_CASE("a lookup of an unparsed file requests it for the next wave", "[resolve][store]") {
  Store s;
  CHECK(s.store.get("app/cases.py") == nullptr);
  CHECK(s.store.has_requests());
  CHECK(s.store.parse_requested() == 1);
  const FileFacts* cases = s.store.get("app/cases.py");
  REQUIRE(cases != nullptr);
  CHECK(cases->classes.at(0).qualname == "Case");
  CHECK_FALSE(s.store.has_requests());
  CHECK(s.store.parsed_on_demand() == 0);
}

TEST_CASE("while a ParseOnDemand is alive, a lookup parses the file at once", "[resolve][store]") {
  Store s;
  {
    const resolve::FactStore::ParseOnDemand on_demand(s.store, 1 << 20);
    const FileFacts* base = s.store.get("app/base.py");
    REQUIRE(base != nullptr);
    CHECK(base->path == "app/base.py");
    CHECK(base->module == "app.base");
    CHECK(base->classes.at(0).qualname == "Base");
    CHECK(s.store.get("app/base.py") == base);  // parsed once
    CHECK_FALSE(s.store.has_requests());
    CHECK(s.store.parsed_on_demand() == 1);
  }
  CHECK(s.store.get("app/cases.py") == nullptr);  // the guard is gone: requested again
  CHECK(s.store.has_requests());
  CHECK(s.store.parsed().size() == 1);
}

TEST_CASE("a file that cannot be read is parsed on demand into its diagnostic", "[resolve][store]") {
  Store s;
  const resolve::FactStore::ParseOnDemand on_demand(s.store, 1 << 20);
  const FileFacts* missing = s.store.get("app/gone.py");
  REQUIRE(missing != nullptr);
  REQUIRE(missing->diagnostics.size() == 1);
  CHECK(missing->diagnostics[0].message.find("cannot read file") != std::string::npos);
  CHECK(s.store.get("app/gone.py") == missing);
}

TEST_CASE("a ParseOnDemand parses until its bytes are spent, then requests", "[resolve][store]") {
  Store s;
  const resolve::FactStore::ParseOnDemand on_demand(s.store, 1);  // one byte: the first file only
  const FileFacts* base = s.store.get("app/base.py");
  REQUIRE(base != nullptr);
  CHECK(base->size > 1);
  CHECK(s.store.get("app/cases.py") == nullptr);
  CHECK(s.store.has_requests());
  CHECK(s.store.parsed_on_demand() == 1);
}

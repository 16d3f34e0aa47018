// Resolver: answers do not depend on what was asked before (analysis threads each have their own
// resolver and ask in different orders).
#include <catch2/catch.hpp>

#include "../rules/temp_dir.hpp"
#include "resolve/fact_store.hpp"
#include "resolve/symbols.hpp"

using namespace testtier;

namespace {

/// a.py star-imports b and c; b star-imports a (a cycle); c defines X. Every file is parsed as
/// the resolver meets it.
struct StarCycle {
  test::TempDir dir;
  std::vector<std::string> files{"a.py", "b.py", "c.py"};
  resolve::ModuleIndex modules{files, {"."}};
  resolve::FactStore store{dir.root(), modules, ParseOptions{}, 1};
  resolve::FactStore::ParseOnDemand on_demand{store, 1 << 20};

  StarCycle() {
    dir.write("a.py", "from b import *\nfrom c import *\n");
    dir.write("b.py", "from a import *\n");
    dir.write("c.py", "class X:\n    pass\n");
  }
};

}  // namespace

TEST_CASE("a name resolved through a cycle of star imports does not depend on what was asked first",
          "[resolve]") {
  StarCycle repo;
  resolve::Resolver fresh(repo.store);
  const resolve::Symbol alone = fresh.resolve("b.py", "X");
  CHECK(alone.kind == resolve::Symbol::Kind::class_);
  CHECK(alone.qualified == "c.X");

  resolve::Resolver used(repo.store);
  CHECK(used.resolve("a.py", "X").qualified == "c.X");  // passes through b.py while a.py is being resolved
  const resolve::Symbol after = used.resolve("b.py", "X");
  CHECK(after.kind == alone.kind);
  CHECK(after.qualified == alone.qualified);
}

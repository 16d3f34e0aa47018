#include <catch2/catch.hpp>

#include "report/sample_classification.hpp"
#include "testtier/report.hpp"

using namespace testtier;

TEST_CASE("classification_to_csv writes one row per test, quoting only where needed", "[report]") {
  CHECK(classification_to_csv(test::sample_classification()) == R"(id,path,line,tier,services
tests/café/test_plain.py::test_add,tests/café/test_plain.py,3,no_services,
tests/snuba/test_a.py::EventsTest::test_get,tests/snuba/test_a.py,12,snuba_tier,postgres;snuba
tests/snuba/test_a.py::EventsTest::test_list,tests/snuba/test_a.py,16,snuba_tier,postgres;snuba
"tests/snuba/test_a.py::test_store[""x"",y]",tests/snuba/test_a.py,20,postgres_only,postgres
)");
}

TEST_CASE("classification_to_csv quotes fields holding CR or LF", "[report]") {
  Classification result;
  result.files.push_back(FileResult{"t.py", {}, "no_services", {}, {},
                                    {TestResult{"t.py::test[a\nb]", 1, {}, "no_services", {}},
                                     TestResult{"t.py::test[c\rd]", 2, {}, "no_services", {}}}});
  CHECK(classification_to_csv(result) ==
        "id,path,line,tier,services\n"
        "\"t.py::test[a\nb]\",t.py,1,no_services,\n"
        "\"t.py::test[c\rd]\",t.py,2,no_services,\n");
}

TEST_CASE("classification_to_csv writes only the header when there are no tests", "[report]") {
  CHECK(classification_to_csv(Classification{}) == "id,path,line,tier,services\n");
}

// Embedding: separate instances on several threads at once agree, and the library leaves the
// host's state (locale, stdout) alone.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <clocale>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "testtier/testtier.hpp"

using namespace testtier;

namespace {

const std::filesystem::path kCorpus = std::filesystem::path(TESTTIER_SOURCE_DIR) / "corpus/sentry-like";

std::string classify_corpus(unsigned threads) {
  const Rules rules = find_rules(kCorpus);
  ClassifyOptions options;
  options.threads = threads;
  return classification_to_json(classify(kCorpus, rules, options));
}

}  // namespace

TEST_CASE("four threads classifying at once, each with its own rules, agree with one", "[api]") {
  const std::string expected = classify_corpus(1);
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&results, i] { results[i] = classify_corpus(2); });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& result : results) CHECK(result == expected);
}

TEST_CASE("classify and lint change neither the locale nor write to stdout", "[api]") {
  const std::string locale_before = std::setlocale(LC_ALL, nullptr);
  std::fflush(stdout);
  const int saved = ::dup(STDOUT_FILENO);
  std::FILE* capture = std::tmpfile();
  REQUIRE(capture != nullptr);
  ::dup2(::fileno(capture), STDOUT_FILENO);
  classify_corpus(2);
  lint(kCorpus, find_rules(kCorpus));
  std::fflush(stdout);
  ::dup2(saved, STDOUT_FILENO);
  ::close(saved);
  CHECK(std::ftell(capture) == 0);
  std::fclose(capture);
  CHECK(std::string(std::setlocale(LC_ALL, nullptr)) == locale_before);
}

// testtier_bench: classify a repository cold and warm, and parse the same files with tree-sitter
// alone (the parse-only floor) on the same threads, each in its own child process; print wall,
// CPU and peak memory of each and the ratios that the performance targets are stated in.
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "classify/pipeline.hpp"
#include "measure.hpp"
#include "parse/syntax_tree.hpp"
#include "testtier/report.hpp"
#include "testtier/rules.hpp"
#include "util/file_io.hpp"

namespace fs = std::filesystem;
using testtier::bench::Measurement;
using testtier::bench::measure_in_child;

namespace {

struct BenchOptions {
  fs::path root;
  std::string rules;
  unsigned threads = 2;
  fs::path scratch;      ///< file list and cache live here
  int runs = 3;          ///< each measurement is repeated; the fastest run is reported
};

/// What best_of_rounds() measured: for each work, its least disturbed run and every run's wall time.
struct Rounds {
  std::vector<Measurement> best;
  std::vector<std::vector<double>> walls;  ///< walls[work][round]
};

/// Measure each of `works` `runs` times in fresh children, taking turns (one of each per round,
/// so that a slow spell of a shared machine falls on all of them alike, and ratios between them
/// stay fair); return, for each, the run with the least wall time (the least disturbed).
Rounds best_of_rounds(int runs, const std::vector<std::function<std::string()>>& works) {
  Rounds rounds{std::vector<Measurement>(works.size()), std::vector<std::vector<double>>(works.size())};
  for (int round = 0; round < runs; ++round) {
    for (std::size_t w = 0; w < works.size(); ++w) {
      const Measurement next = measure_in_child(works[w]);  // a failed run stays the answer
      Measurement& best = rounds.best[w];
      if (round == 0 || !next.ok || (best.ok && next.wall_seconds < best.wall_seconds)) best = next;
      rounds.walls[w].push_back(next.wall_seconds);
    }
  }
  return rounds;
}

/// Measure `work` `runs` times in fresh children; return the run with the least wall time.
Measurement best_of(int runs, const std::function<std::string()>& work) {
  return best_of_rounds(runs, {work}).best.front();
}

/// Return "median m (lo-hi)" of the ratios a[r] / b[r] of runs taken in the same round.
std::string paired_ratios(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> ratios;
  for (std::size_t r = 0; r < a.size() && r < b.size(); ++r) ratios.push_back(a[r] / b[r]);
  if (ratios.empty()) return "-";
  std::sort(ratios.begin(), ratios.end());
  const std::size_t mid = ratios.size() / 2;
  const double median = ratios.size() % 2 == 1 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2;
  return fmt::format("median {:.2f} ({:.2f}-{:.2f})", median, ratios.front(), ratios.back());
}

/// How a measured classify uses the cache.
enum class CacheUse { none, facts_only, full };

/// Classify `root` (the library's whole pipeline plus rendering JSON) and report the counts; write
/// the parsed files' paths to `list` when not empty.
std::string classify_once(const BenchOptions& options, unsigned threads, CacheUse cache, const fs::path& list) {
  const testtier::Rules rules = testtier::find_rules(
      options.root, options.rules.empty() ? std::nullopt : std::optional<fs::path>(options.rules));
  testtier::ClassifyOptions classify_options;
  classify_options.threads = threads;
  classify_options.use_cache = cache != CacheUse::none;
  classify_options.reuse_result = cache == CacheUse::full;
  classify_options.cache_directory = options.scratch / "cache";
  testtier::Classification result;
  if (list.empty()) {
    result = testtier::classify(options.root, rules, classify_options);
  } else {  // the same work as classify(), keeping the parsed files to list them
    auto run = testtier::classify_stage::run_pipeline(options.root, rules, classify_options);
    std::ofstream out(list);
    for (const auto& [path, facts] : run.store->parsed()) out << path << '\n';
    result = std::move(run.classification);
  }
  const std::string json = testtier::classification_to_json(result);
  const testtier::ClassifyStats& s = result.stats;
  std::size_t tests = 0;
  for (const auto& file : result.files) tests += file.tests.size();
  return fmt::format("{} {} {} {} {} {} {} {:.3f} {:.3f} {:.3f} {:.3f} {} {}", s.python_files, s.test_files, tests,
                     s.parsed_files, s.parsed_bytes, s.skipped_files, s.cached_files, s.timings.parse,
                     s.timings.tree_sitter_cpu, s.timings.extract_cpu, s.timings.analysis, json.size(),
                     s.reused ? "reused" : "analysed");
}

/// Read and parse with tree-sitter alone every file listed in `list`, on `threads` threads, each
/// tree in `memory`: a parse arena as classify's, or tree-sitter's allocation freed node by node.
std::string parse_floor(const BenchOptions& options, unsigned threads, const fs::path& list,
                        testtier::parse::TreeMemory memory) {
  std::vector<std::string> paths;
  std::ifstream in(list);
  for (std::string line; std::getline(in, line);) paths.push_back(line);
  tbb::task_arena arena(static_cast<int>(threads));
  struct Worker {  // as classify's parse threads: a parser and a read buffer each
    testtier::parse::Parser parser;
    testtier::FileRead read;
  };
  tbb::enumerable_thread_specific<Worker> workers([memory] { return Worker{testtier::parse::Parser(memory), {}}; });
  std::atomic<std::uint64_t> bytes{0};
  arena.execute([&] {
    tbb::parallel_for(std::size_t{0}, paths.size(), [&](std::size_t i) {
      Worker& worker = workers.local();
      if (!testtier::read_file_into(options.root / paths[i], 8u << 20, worker.read)) return;
      bytes += worker.read.bytes.size();
      auto tree = worker.parser.parse(worker.read.bytes, 0);
    });
  });
  return fmt::format("{} {}", paths.size(), bytes.load());
}

std::vector<std::string> fields(const std::string& report) {
  std::istringstream in(report);
  std::vector<std::string> out;
  for (std::string field; in >> field;) out.push_back(field);
  return out;
}

void print_row(const std::string& label, const Measurement& m, const std::string& extra = "") {
  fmt::print("{:<30} {:>8.3f} {:>8.3f} {:>9.1f}  {}\n", label, m.wall_seconds, m.cpu_seconds, m.peak_rss_mb, extra);
}

BenchOptions parse_arguments(int argc, char** argv) {
  BenchOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threads" && i + 1 < argc) {
      options.threads = static_cast<unsigned>(std::stoul(argv[++i]));
    } else if (arg == "--runs" && i + 1 < argc) {
      options.runs = std::max(1, std::stoi(argv[++i]));
    } else if (arg == "--rules" && i + 1 < argc) {
      options.rules = argv[++i];
    } else if (arg == "-h" || arg == "--help") {
      fmt::print("usage: testtier_bench [--threads N] [--runs K] [--rules FILE] ROOT\n");
      std::exit(0);
    } else {
      options.root = arg;
    }
  }
  if (options.root.empty() || !fs::is_directory(options.root)) {
    fmt::print(stderr, "usage: testtier_bench [--threads N] [--runs K] [--rules FILE] ROOT  (ROOT: a repository)\n");
    std::exit(2);
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  BenchOptions options = parse_arguments(argc, argv);
  char scratch_template[] = "/tmp/testtier-bench-XXXXXX";
  if (::mkdtemp(scratch_template) == nullptr) return 1;
  options.scratch = scratch_template;
  const fs::path list = options.scratch / "parsed-files.txt";
  const unsigned n = options.threads;

  const int k = options.runs;
  using testtier::parse::TreeMemory;
  const Rounds rounds = best_of_rounds(k, {
      [&] { return classify_once(options, n, CacheUse::none, list); },  // lists the files the floors parse
      [&] { return parse_floor(options, n, list, TreeMemory::arena); },
      [&] { return parse_floor(options, n, list, TreeMemory::tree_sitter); },
      [&] { return classify_once(options, 1, CacheUse::none, {}); },
      [&] { return parse_floor(options, 1, list, TreeMemory::arena); },
  });
  const std::vector<Measurement>& cold_runs = rounds.best;
  const Measurement& cold = cold_runs[0];
  const Measurement& floor = cold_runs[1];
  const Measurement& floor_freed = cold_runs[2];
  const Measurement& cold_one = cold_runs[3];
  const Measurement& floor_one = cold_runs[4];
  measure_in_child([&] { return classify_once(options, n, CacheUse::full, {}); });  // fill the cache
  const Measurement warm = best_of(k, [&] { return classify_once(options, n, CacheUse::full, {}); });
  const Measurement warm_facts = best_of(k, [&] { return classify_once(options, n, CacheUse::facts_only, {}); });
  fs::remove_all(options.scratch);
  if (!cold.ok || !floor.ok || !floor_freed.ok || !cold_one.ok || !floor_one.ok || !warm.ok || !warm_facts.ok) {
    fmt::print(stderr, "testtier_bench: a measured run failed\n");
    return 1;
  }

  const auto c = fields(cold.report);
  const auto f = fields(floor.report);
  const auto w = fields(warm.report);
  fmt::print("best of {} runs each\n", k);
  fmt::print("corpus {}: {} Python files, {} test files, {} tests\n", options.root.string(), c[0], c[1], c[2]);
  fmt::print("parsed {} files ({:.1f} MB); {} never reached, not parsed\n\n", c[3], std::stod(c[4]) / 1e6, c[5]);
  fmt::print("{:<30} {:>8} {:>8} {:>9}\n", "", "wall s", "cpu s", "peak MB");
  print_row(fmt::format("cold classify, {} threads", n), cold,
            fmt::format("(parse {}s: tree-sitter cpu {}s, extract cpu {}s; analysis {}s)", c[7], c[8], c[9], c[10]));
  print_row(fmt::format("parse-only floor, {} threads", n), floor, fmt::format("({} files, {:.1f} MB)", f[0], std::stod(f[1]) / 1e6));
  print_row("  trees freed node by node", floor_freed, "(the floor without parse arenas)");
  print_row("cold classify, 1 thread", cold_one);
  print_row("parse-only floor, 1 thread", floor_one);
  const auto wf = fields(warm_facts.report);
  print_row(fmt::format("warm classify, {} threads", n), warm,
            fmt::format("({}: nothing changed; {} files read and hashed)", w[12], w[3]));
  print_row("warm, facts cache only", warm_facts,
            fmt::format("({} of {} files' facts from the cache; analysis {}s)", wf[6], wf[3], wf[10]));
  fmt::print("\ncold / floor ({} threads)      {:.2f}   (target <= 1.3)\n", n, cold.wall_seconds / floor.wall_seconds);
  fmt::print("  round by round               {}   (each cold run against the floor run next to it)\n",
             paired_ratios(rounds.walls[0], rounds.walls[1]));
  fmt::print("cold / floor, trees freed      {:.2f}   (against tree-sitter freeing its trees node by node)\n",
             cold.wall_seconds / floor_freed.wall_seconds);
  fmt::print("cold / floor (1 thread)        {:.2f}\n", cold_one.wall_seconds / floor_one.wall_seconds);
  fmt::print("speed-up, {} threads vs 1       {:.2f}   (target >= 1.7 with 2)\n", n, cold_one.wall_seconds / cold.wall_seconds);
  fmt::print("warm / cold                    {:.1f}%  (target <= 10%, and <= 150 ms at scale 1)\n",
             100.0 * warm.wall_seconds / cold.wall_seconds);
  fmt::print("warm, facts only / cold        {:.1f}%  (a run after an edit: analysis runs again)\n",
             100.0 * warm_facts.wall_seconds / cold.wall_seconds);
  return 0;
}

#include "classify/signal_matcher.hpp"

#include <fnmatch.h>

#include <algorithm>

namespace testtier::classify_stage {

std::string_view last_segment(std::string_view dotted) {
  const std::size_t dot = dotted.rfind('.');
  return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

bool has_dotted_suffix(std::string_view dotted, std::string_view name) {
  if (dotted == name) return true;
  return dotted.size() > name.size() && dotted.ends_with(name) && dotted[dotted.size() - name.size() - 1] == '.';
}

bool is_module_or_under(std::string_view module, std::string_view prefix) {
  return module == prefix || (module.size() > prefix.size() && module.starts_with(prefix) &&
                              module[prefix.size()] == '.');
}

SignalMatcher::SignalMatcher(const Rules& rules) : rules_(rules) {
  globs_.resize(rules.signals.size());
  for (std::size_t i = 0; i < rules.signals.size(); ++i) {
    if (rules.signals[i].kind == EvidenceKind::call) {
      for (const std::string& pattern : rules.signals[i].patterns) {
        if (pattern.find('.') != std::string::npos) dotted_call_last_names_.emplace_back(last_segment(pattern));
      }
    }
    if (rules.signals[i].kind != EvidenceKind::path && rules.signals[i].kind != EvidenceKind::env) continue;
    for (const std::string& pattern : rules.signals[i].patterns) globs_[i].emplace_back(pattern);
  }
  std::sort(dotted_call_last_names_.begin(), dotted_call_last_names_.end());
}

bool SignalMatcher::has(EvidenceKind kind) const {
  return std::any_of(rules_.signals.begin(), rules_.signals.end(), [&](const Signal& s) { return s.kind == kind; });
}

template <typename Predicate>
std::vector<SignalMatch> SignalMatcher::matching(EvidenceKind kind, Predicate&& matches) const {
  std::vector<SignalMatch> found;
  for (std::size_t i = 0; i < rules_.signals.size(); ++i) {
    const Signal& signal = rules_.signals[i];
    if (signal.kind != kind) continue;
    for (std::size_t p = 0; p < signal.patterns.size(); ++p) {
      if (matches(i, p, signal.patterns[p])) {
        found.push_back({&signal, signal.patterns[p]});
        break;
      }
    }
  }
  return found;
}

std::vector<SignalMatch> SignalMatcher::base_class(const std::vector<std::string>& spellings,
                                                   bool by_last_name) const {
  return matching(EvidenceKind::base_class, [&](std::size_t, std::size_t, const std::string& pattern) {
    return std::any_of(spellings.begin(), spellings.end(), [&](const std::string& spelling) {
      return by_last_name ? last_segment(spelling) == last_segment(pattern) : spelling == pattern;
    });
  });
}

std::vector<SignalMatch> SignalMatcher::marker(std::string_view name, bool by_last_name) const {
  const std::string_view wanted = by_last_name ? last_segment(name) : name;
  return matching(EvidenceKind::marker,
                  [&](std::size_t, std::size_t, const std::string& pattern) { return pattern == wanted; });
}

std::vector<SignalMatch> SignalMatcher::fixture(std::string_view name) const {
  return matching(EvidenceKind::fixture,
                  [&](std::size_t, std::size_t, const std::string& pattern) { return pattern == name; });
}

std::vector<SignalMatch> SignalMatcher::path(std::string_view path) const {
  return matching(EvidenceKind::path, [&](std::size_t signal, std::size_t pattern, const std::string&) {
    return globs_[signal][pattern].matches(path);
  });
}

std::vector<SignalMatch> SignalMatcher::setting(const SettingUse& setting) const {
  return matching(EvidenceKind::setting, [&](std::size_t, std::size_t, const std::string& pattern) {
    const std::size_t equals = pattern.find('=');
    if (equals == std::string::npos) return pattern == setting.key;
    if (std::string_view(pattern).substr(0, equals) != setting.key) return false;
    if (std::string_view(pattern).substr(equals + 1) == "*") return true;  // any value, literal or not
    return setting.literal && ::fnmatch(pattern.c_str() + equals + 1, setting.value.c_str(), 0) == 0;
  });
}

std::vector<SignalMatch> SignalMatcher::call(std::string_view callee, std::string_view qualified) const {
  return matching(EvidenceKind::call, [&](std::size_t, std::size_t, const std::string& pattern) {
    if (pattern.find('.') == std::string::npos) return has_dotted_suffix(callee, pattern);
    return has_dotted_suffix(qualified, pattern);
  });
}

bool SignalMatcher::call_wants_qualified(std::string_view callee) const {
  return std::binary_search(dotted_call_last_names_.begin(), dotted_call_last_names_.end(), last_segment(callee));
}

std::vector<SignalMatch> SignalMatcher::decorator(const std::vector<std::string>& spellings) const {
  return matching(EvidenceKind::decorator, [&](std::size_t, std::size_t, const std::string& pattern) {
    const bool dotted = pattern.find('.') != std::string::npos;
    return std::any_of(spellings.begin(), spellings.end(), [&](const std::string& spelling) {
      return dotted ? spelling == pattern : last_segment(spelling) == pattern;
    });
  });
}

std::vector<SignalMatch> SignalMatcher::import(std::string_view module) const {
  return matching(EvidenceKind::import, [&](std::size_t, std::size_t, const std::string& pattern) {
    return is_module_or_under(module, pattern);
  });
}

std::vector<SignalMatch> SignalMatcher::env(std::string_view name) const {
  return matching(EvidenceKind::env, [&](std::size_t signal, std::size_t pattern, const std::string&) {
    return globs_[signal][pattern].matches(name);
  });
}

}  // namespace testtier::classify_stage

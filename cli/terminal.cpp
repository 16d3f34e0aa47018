#include "terminal.hpp"

#include <unistd.h>

#include <cstdlib>
#include <map>
#include <string_view>

namespace testtier::cli {
namespace {

/// Return whether the environment variable `name` is set to something (not empty).
bool set_and_not_empty(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

}  // namespace

void add_color_option(CLI::App* app, ColorChoice& choice) {
  static const std::map<std::string, ColorChoice> kChoices = {
      {"auto", ColorChoice::automatic}, {"always", ColorChoice::always}, {"never", ColorChoice::never}};
  CLI::Validator known(
      [](std::string& value) -> std::string {
        return kChoices.contains(value) ? std::string() : "unknown colour choice `" + value + "`; expected auto, always or never";
      },
      "", "color");
  app->add_option_function<std::string>(
         "--color", [&choice](const std::string& value) { choice = kChoices.at(value); },
         "Colour human text: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always or never; "
         "never in JSON and other machine formats, nor in a file written with -o")
      ->check(known)
      ->type_name("WHEN")
      ->default_str("auto");
}

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) == 1; }

bool use_color(ColorChoice choice, bool to_stdout) {
  if (!to_stdout || choice == ColorChoice::never) return false;
  if (choice == ColorChoice::always) return true;
  if (set_and_not_empty("NO_COLOR")) return false;
  if (set_and_not_empty("FORCE_COLOR")) return true;
  const char* term = std::getenv("TERM");
  return stdout_is_terminal() && (term == nullptr || std::string_view(term) != "dumb");
}

}  // namespace testtier::cli

// Whether standard output is a terminal, and whether to colour what goes there: `--color`,
// NO_COLOR (https://no-color.org) and FORCE_COLOR (https://force-color.org).
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace testtier::cli {

/// `--color`: auto (the default), always or never.
enum class ColorChoice { automatic, always, never };

/// Add `--color WHEN` to `app`, storing it in `choice`.
void add_color_option(CLI::App* app, ColorChoice& choice);

/// Return whether standard output is a terminal.
bool stdout_is_terminal();

/// Return whether a human output written to standard output (`to_stdout`; a file given with -o
/// never is) gets ANSI colour: `always` and `never` decide; `auto` says no when NO_COLOR is set
/// and not empty, yes when FORCE_COLOR is, else yes when standard output is a terminal whose
/// TERM is not "dumb".
bool use_color(ColorChoice choice, bool to_stdout);

}  // namespace testtier::cli

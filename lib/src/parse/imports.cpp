#include "parse/collect.hpp"
#include "parse/values.hpp"

namespace testtier::parse {
namespace {

/// Count the dots of a `relative_import`'s `import_prefix` and read its module, if any.
void read_relative(TSNode relative, const Source& source, Import& import) {
  for_each_named_child(relative, [&](TSNode child) {
    if (is(child, "import_prefix")) {
      import.level = static_cast<int>(text_of(child, source).size());
    } else if (is(child, "dotted_name")) {
      import.module = std::string(text_of(child, source));
    }
  });
}

/// Return the dotted text of a `dotted_name` node, without interior whitespace or comments.
std::string dotted_text(TSNode node, const Source& source) {
  std::string name;
  for_each_named_child(node, [&](TSNode part) {
    if (!is(part, "identifier")) return;
    if (!name.empty()) name += '.';
    name += text_of(part, source);
  });
  return name;
}

void collect_plain_import(TSNode statement, const Source& source, ImportContext context,
                          std::vector<Import>& imports) {
  const Fields& f = Fields::get();
  for_each_named_child(statement, [&](TSNode name) {
    Import import;
    import.type_only = context.type_only;
    import.in_function = context.in_function;
    import.location = location_of(name, source);
    if (is(name, "aliased_import")) {
      import.module = dotted_text(field(name, f.name), source);
      import.bound_as = std::string(text_of(field(name, f.alias), source));
    } else if (is(name, "dotted_name")) {
      import.module = dotted_text(name, source);
      // `import a.b` binds a. Sliced as a view: std::string::substr here trips a GCC 12
      // -Wrestrict false positive (GCC bug 105329).
      import.bound_as = std::string_view(import.module).substr(0, import.module.find('.'));
    } else {
      return;
    }
    imports.push_back(std::move(import));
  });
}

void collect_from_import(TSNode statement, const Source& source, ImportContext context,
                         std::vector<Import>& imports) {
  const Fields& f = Fields::get();
  Import base;
  base.type_only = context.type_only;
  base.in_function = context.in_function;
  const TSNode module = field(statement, f.module_name);
  if (is(module, "relative_import")) {
    read_relative(module, source, base);
  } else if (is(module, "dotted_name")) {
    base.module = dotted_text(module, source);
  }
  for_each_named_child(statement, [&](TSNode child) {
    if (ts_node_eq(child, module) || is(child, "comment")) return;
    Import import = base;
    import.location = location_of(child, source);
    if (is(child, "wildcard_import")) {
      import.name = "*";
    } else if (is(child, "aliased_import")) {
      import.name = dotted_text(field(child, f.name), source);
      import.bound_as = std::string(text_of(field(child, f.alias), source));
    } else if (is(child, "dotted_name")) {
      import.name = dotted_text(child, source);
      import.bound_as = import.name;
    } else {
      return;
    }
    imports.push_back(std::move(import));
  });
}

}  // namespace

void collect_import(TSNode statement, const Source& source, ImportContext context,
                    std::vector<Import>& imports) {
  if (is(statement, "import_statement")) {
    collect_plain_import(statement, source, context, imports);
  } else if (is(statement, "import_from_statement")) {
    collect_from_import(statement, source, context, imports);
  }
}

}  // namespace testtier::parse

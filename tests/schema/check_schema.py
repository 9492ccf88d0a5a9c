#!/usr/bin/env python3
"""Checks the committed front-matter schemas (schemas/<kind>.schema.json) as an editor uses them.

    python3 tests/schema/check_schema.py [--repo DIR]

Front matter is parsed as an editor's YAML tooling parses it (yaml-language-server and
remark-lint-frontmatter-schema both use a YAML 1.2 parser with the core schema): `2022` is an
integer, `-1054.4` a number, `true` a boolean, `2020-08-31` a string, and a key written twice
is an error. The value is then validated against the schema of the file's kind with a draft-07
validator.

  schemas   every schema is a valid draft-07 schema;
  content   every content/**/*.md is accepted;
  invalid   every case in Tests/ReportKitTests/Fixtures/invalid/ is rejected, with exactly the
            errors listed in REJECTED below (a YAML syntax case: by the parser), except the
            cases in INVISIBLE, whose problem no schema can see; their files must be accepted.
            A new fixture must be added to one of the two lists.

Prints a line per file and a closing "N passed, M failed"; exits 1 when anything failed.
"""

import argparse
import json
import pathlib
import re
import sys

import jsonschema
import yaml

# Cases whose error lies outside the front matter, or needs another file to see.
INVISIBLE = {
    "broken-anchor": "a link in the Markdown body to an anchor that does not exist",
    "broken-link": "a link in the Markdown body to a page that does not exist",
    "duplicate-path": "two files that become the same address; each front matter is valid",
    "missing-partial": "a template refers to a missing partial; no content file",
    "template-syntax-error": "a template's syntax; no content file",
    "unknown-metric": "a well-formed metric id without a file in content/jamfor/",
    "wrong-unit": "a unit from the list that does not fit the metric, which is defined in another file",
    "csv-bad-cell": "a cell of the table's CSV file, which the schema of front matter does not read",
    "csv-sum": "a sum in the table's CSV file, which the schema of front matter does not read",
    "decimal-comma-row": "a row with more cells than the table has columns",
    "table-reference": "a figure's reference to a row or column that the table, in its CSV file, does not have",
    "date-on-flow": "a date on a figure whose metric, defined in another file, is a flow",
    "period-on-stock": "a period on a figure whose metric, defined in another file, is a stock",
    "period-missing-or-on-flow": "whether a figure needs a period or a date depends on its metric's kind, in another file",
    "sign-against-convention": "a value's sign against its metric's convention, which is defined in another file",
    "missing-base": "whether a figure needs a base depends on its metric's kind, in another file",
    "different-base": "a base from the list that differs from the metric's, which is defined in another file",
    "area-outside-scope": "a metric's area against the municipality's scope: two other files",
    "metric-meaning": "keys that must fit together (a share and its base, a signed metric and positive_means)",
    "several-rules": "rules no schema expresses: signs and units against the metric file, a percentage over 100, a period outside the year, sums, references, verdict words, a body link",
}

# Per case and file: the errors the schema must give, as (path, keyword, text in the message),
# or YAML when the file must not even parse.
YAML = "YAML syntax error"
REJECTED = {
    "missing-key": {"content/testby-2022/index.md": [
        ("", "required", "'committee'"), ("source", "required", "'title'")]},
    "missing-keys-nested": {"content/testby-2022/ekonomi.md": [
        ("figures/0", "required", "'source'"), ("tables/0", "anyOf", "'id'"), ("goals/0", "required", "'title'"),
        ("goals/0/verdict", "anyOf", "'term'")]},
    "number-formats": {"content/testby-2022/personal.md": [
        ("figures/0/value", "anyOf", "'1 054,4'"), ("figures/1/value", "anyOf", "'1,054.4'")]},
    "unknown-key": {"content/kommuner/testby.md": [
        ("", "additionalProperties", "'comittee_scope'"), ("verdict_scale/0", "additionalProperties", "'nivå'")]},
    "unknown-unit": {"content/testby-2022/personal.md": [
        ("figures/0/unit", "enum", "'mnrk'"), ("figures/1/value", "anyOf", "'1060'")]},
    "unknown-area": {"content/jamfor/sjukfranvaro.md": [("area", "enum", "'personalen'")]},
    "wrong-type": {"content/jamfor/nettokostnad.md": [
        ("higher_is_better", "pattern", "'kanske'"), ("themes", "type", "'ekonomi'")]},
    "yaml-bad-indentation": {"content/testby-2022/index.md": YAML},
    "yaml-duplicate-key": {"content/teman/ekonomi.md": YAML},
    "yaml-tab": {"content/teman/ekonomi.md": YAML},
    "yaml-unclosed-quote": {"content/teman/ekonomi.md": YAML},
}


class EditorLoader(yaml.SafeLoader):
    """PyYAML with the YAML 1.2 core schema instead of YAML 1.1's, and duplicate keys refused."""


EditorLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
    ("bool", r"true|True|TRUE|false|False|FALSE", list("tTfF")),
    ("int", r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", list("-+0123456789")),
    ("float", r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)",
     list("-+0123456789.")),
]:
    EditorLoader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(f"^(?:{pattern})$"), first)


def construct_int(loader, node):
    # YAML 1.2: 010 is ten (not octal eight) and octal is written 0o10.
    text = loader.construct_scalar(node)
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    if digits.startswith("0o"):
        return int(digits[2:], 8)
    if digits.startswith("0x"):
        return int(digits[2:], 16)
    return sign * int(digits, 10)


def construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node)
    return mapping


EditorLoader.add_constructor("tag:yaml.org,2002:int", construct_int)
EditorLoader.add_constructor("tag:yaml.org,2002:map", construct_mapping)


def front_matter(path):
    """The YAML between the first two '---' lines, split as FrontMatterSplitter splits it."""
    lines = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")
    delimiter = re.compile(r"^---[ \t]*$")
    if not lines or not delimiter.match(lines[0]):
        raise ValueError("no front matter")
    for index, line in enumerate(lines[1:], start=1):
        if delimiter.match(line):
            return "\n".join(lines[1:index])
    raise ValueError("front matter is never closed")


def kind_of(relative):
    """The kind of a file below content/, by the rules of ContentDecoder.decodeFile."""
    parts = relative.split("/")
    if len(parts) == 1:
        return "scale" if parts[0] == "bedomningsskala.md" else "page"
    folders = {"kommuner": "municipality", "jamfor": "metric", "teman": "theme"}
    if parts[0] in folders:
        return folders[parts[0]]
    return "report" if parts[1] == "index.md" else "section"


def schema_errors(validators, content_root, path):
    """YAML if the file does not parse, else the schema's errors as (path, keyword, message)."""
    try:
        value = yaml.load(front_matter(path), Loader=EditorLoader)
    except yaml.YAMLError:
        return YAML
    validator = validators[kind_of(path.relative_to(content_root).as_posix())]
    return sorted(("/".join(str(part) for part in error.absolute_path), error.validator, error.message)
                  for error in validator.iter_errors(value))


def describe(errors):
    if errors == YAML:
        return YAML
    return "; ".join(f"{where or '(top)'}: {keyword}: {message}" for where, keyword, message in errors)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repo", type=pathlib.Path, default=pathlib.Path(__file__).resolve().parents[2])
    repo = parser.parse_args().repo
    passed, failed = 0, 0

    def result(ok, label, detail=""):
        nonlocal passed, failed
        passed, failed = passed + ok, failed + (not ok)
        print(f"{'ok  ' if ok else 'FAIL'}  {label}{'  ' + detail if detail else ''}")

    validators = {}
    for file in sorted((repo / "schemas").glob("*.schema.json")):
        schema = json.loads(file.read_text(encoding="utf-8"))
        try:
            jsonschema.Draft7Validator.check_schema(schema)
            result(True, f"schemas/{file.name}", "valid draft-07")
        except jsonschema.SchemaError as error:
            result(False, f"schemas/{file.name}", error.message)
        validators[file.name.removesuffix(".schema.json")] = jsonschema.Draft7Validator(schema)

    content = repo / "content"
    for path in sorted(content.rglob("*.md")):
        errors = schema_errors(validators, content, path)
        label = f"content/{path.relative_to(content).as_posix()} ({kind_of(path.relative_to(content).as_posix())})"
        result(errors == [], label, "" if errors == [] else describe(errors))

    invalid = repo / "Tests/ReportKitTests/Fixtures/invalid"
    for case in sorted(p.name for p in invalid.iterdir() if p.is_dir()):
        files = sorted((invalid / case / "content").rglob("*.md"))
        if case in INVISIBLE:
            for path in files:
                errors = schema_errors(validators, invalid / case / "content", path)
                result(errors == [], f"invalid/{case}: {path.relative_to(invalid / case)} accepted "
                       f"({INVISIBLE[case]})", "" if errors == [] else describe(errors))
            if not files:
                result(True, f"invalid/{case}: no content file ({INVISIBLE[case]})")
            continue
        if case not in REJECTED:
            result(False, f"invalid/{case}", "new fixture: add it to REJECTED or INVISIBLE in this script")
            continue
        expected = REJECTED[case]
        found = {path.relative_to(invalid / case).as_posix() for path in files}
        if found != set(expected):
            result(False, f"invalid/{case}", f"files {sorted(found)}, expected {sorted(expected)}")
        for relative, wanted in sorted(expected.items()):
            errors = schema_errors(validators, invalid / case / "content", invalid / case / relative)
            if wanted == YAML:
                ok = errors == YAML
            else:
                ok = errors != YAML and len(errors) == len(wanted) and all(
                    where == want_where and keyword == want_keyword and text in message
                    for (where, keyword, message), (want_where, want_keyword, text) in zip(errors, sorted(wanted)))
            result(ok, f"invalid/{case}: {relative} rejected", describe(errors) if errors else "accepted")

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

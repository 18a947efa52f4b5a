#!/usr/bin/env python3
"""Cut Zoom's Meeting API spec down to the operations SafeSessions uses.

The full spec (211 paths, 2.7 MB) is slow to parse and mostly irrelevant; the
simulator validates against this smaller copy instead. Output is deterministic
(sorted keys, fixed indent) so a re-run on the same input gives no diff.

Usage, from the repository root:
    python3 zoom-simulator/tools/trim_zoom_spec.py [SOURCE [TARGET]]
SOURCE defaults to ../shared/contracts/zoom/ZoomMeetingAPISpec.json (the shared
directory beside the repository), TARGET to
zoom-simulator/src/main/resources/zoom/zoom-meeting-api.trimmed.json; both are
resolved from this script's location, so the working directory does not matter.
"""
import copy
import json
import sys
from pathlib import Path

MODULE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = MODULE_DIR.parent.parent / "shared" / "contracts" / "zoom" / "ZoomMeetingAPISpec.json"
DEFAULT_TARGET = MODULE_DIR / "src" / "main" / "resources" / "zoom" / "zoom-meeting-api.trimmed.json"

# The operations session-service's Zoom client calls, and nothing else.
KEPT_OPERATIONS = {
    "/users/{userId}/meetings": ["post", "get"],
    "/meetings/{meetingId}": ["get", "patch", "delete"],
    "/meetings/{meetingId}/registrants": ["post", "get"],
    "/meetings/{meetingId}/registrants/status": ["put"],
    "/users/{userId}/settings": ["get", "patch"],
    "/meetings/{meetingId}/status": ["put"],
}

# Documentation-only keywords; none of them changes what validates.
DOC_KEYWORDS = {"description", "example", "examples", "summary", "externalDocs", "tags"}

# Keys whose value maps names to objects rather than keywords to values.
NAME_MAPS = {"properties", "responses", "content", "headers", "paths", "schemas", "parameters",
             "requestBodies", "securitySchemes", "scopes", "encoding", "variables", "mapping"}


def strip_docs(node, in_name_map=False):
    """Remove documentation keywords and x- extensions.

    Maps whose keys are names, not keywords (schema `properties`, `responses`,
    `content`, ...), keep every key: a property may well be called
    `description`.
    """
    if isinstance(node, list):
        return [strip_docs(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {}
    for key, value in node.items():
        if not in_name_map and (key in DOC_KEYWORDS or key.startswith("x-")):
            continue
        result[key] = strip_docs(value, in_name_map=key in NAME_MAPS and not in_name_map)
    return result


def require_response_descriptions(operation):
    # OpenAPI 3.0 requires `description` on every Response object; keep it, empty.
    for response in operation.get("responses", {}).values():
        if "$ref" not in response:
            response["description"] = ""


def simplify_string_unions(parameter):
    """Give `oneOf` of plain strings in a parameter schema a single `type: string`.

    Zoom's `userId` is `oneOf` [string, email string, "me"]. swagger-request-validator
    reads a parameter whose schema has no top-level `type` as JSON, so `/users/me`
    fails with "Unable to parse JSON"; and `oneOf` would refuse an email anyway,
    because it matches two alternatives. Every alternative is a string, so
    `type: string` accepts what Zoom accepts.
    """
    schema = parameter.get("schema", {})
    for combinator in ("oneOf", "anyOf"):
        alternatives = schema.get(combinator)
        if alternatives and all(alt.get("type") == "string" for alt in alternatives):
            parameter["schema"] = {"type": "string"}
            return True
    return False


def collect_refs(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            found.add(ref)
        for value in node.values():
            collect_refs(value, found)
    elif isinstance(node, list):
        for item in node:
            collect_refs(item, found)


def resolve_pointer(spec, ref):
    if not ref.startswith("#/"):
        raise SystemExit(f"external $ref not supported: {ref}")
    node = spec
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def ref_closure(spec, roots):
    """Every local $ref reachable from `roots`, following refs inside components."""
    pending, seen = set(), set()
    collect_refs(roots, pending)
    while pending:
        ref = pending.pop()
        if ref in seen:
            continue
        seen.add(ref)
        collect_refs(resolve_pointer(spec, ref), pending)
    return seen


def security_schemes_used(spec, operations):
    names = set()
    for requirement in spec.get("security", []):
        names.update(requirement)
    for operation in operations:
        for requirement in operation.get("security", []):
            names.update(requirement)
    return names


def trim(spec):
    paths = {}
    for path, methods in KEPT_OPERATIONS.items():
        source_item = spec["paths"][path]
        item = {}
        if "parameters" in source_item:
            item["parameters"] = copy.deepcopy(source_item["parameters"])
        for method in methods:
            item[method] = copy.deepcopy(source_item[method])
        paths[path] = item

    components = {}
    for ref in sorted(ref_closure(spec, paths)):
        parts = ref[2:].split("/")
        if parts[0] != "components" or len(parts) != 3:
            raise SystemExit(f"unexpected $ref shape: {ref}")
        components.setdefault(parts[1], {})[parts[2]] = copy.deepcopy(resolve_pointer(spec, ref))

    all_operations = [op for item in paths.values() for key, op in item.items() if key != "parameters"]
    schemes = spec.get("components", {}).get("securitySchemes", {})
    used_schemes = {name: copy.deepcopy(schemes[name])
                    for name in sorted(security_schemes_used(spec, all_operations)) if name in schemes}
    if used_schemes:
        components["securitySchemes"] = used_schemes

    trimmed = {
        "openapi": spec["openapi"],
        "info": {"title": spec["info"]["title"], "version": spec["info"]["version"]},
        "servers": copy.deepcopy(spec["servers"]),
        "paths": paths,
        "components": components,
    }
    if "security" in spec:
        trimmed["security"] = copy.deepcopy(spec["security"])
    trimmed = strip_docs(trimmed)
    for path, item in trimmed["paths"].items():
        for key, operation in item.items():
            parameters = operation if key == "parameters" else operation.get("parameters", [])
            for parameter in parameters:
                if simplify_string_unions(parameter):
                    print(f"note: {key.upper()} {path}: parameter '{parameter['name']}' simplified to type string")
            if key != "parameters":
                require_response_descriptions(operation)
    return trimmed


def main(argv):
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    target = Path(argv[2]) if len(argv) > 2 else DEFAULT_TARGET
    spec = json.loads(source.read_text(encoding="utf-8"))
    trimmed = trim(spec)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(trimmed, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    operations = sum(len(m) for m in KEPT_OPERATIONS.values())
    print(f"{target}: {len(trimmed['paths'])} paths, {operations} operations, "
          f"{sum(len(v) for v in trimmed['components'].values())} components, "
          f"{target.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv)

#!/usr/bin/env python3
"""Validates JSON files against an IPTC ninjs JSON Schema with jsonschema (formats checked).

Usage: check_ninjs.py SCHEMA FILE...

Exits 2 when jsonschema is not installed (pip install jsonschema), 1 when a file is invalid.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("jsonschema is not installed: pip install jsonschema", file=sys.stderr)
    sys.exit(2)

with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
failed = False
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        item = json.load(f)
    errors = sorted(validator.iter_errors(item), key=lambda e: list(e.path))
    for error in errors:
        failed = True
        print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
    if not errors:
        print(f"{path}: ok")
sys.exit(1 if failed else 0)

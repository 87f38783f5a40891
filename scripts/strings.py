#!/usr/bin/env python3
"""Adds or updates UI strings in both resource files (zh-CN is the default culture, en-US the second).

Usage:
  scripts/strings.py KEY "中文" "English"        one string
  scripts/strings.py --tsv FILE                  many: lines of KEY<TAB>中文<TAB>English
Keys are kept sorted; a test checks that both files hold the same keys and that every key
used in the code exists.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

RES = Path(__file__).resolve().parent.parent / "src/SchoolSafety.Web/Resources"
FILES = {"zh": RES / "SharedResource.zh-CN.resx", "en": RES / "SharedResource.en-US.resx"}

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def load(path):
    if not path.exists():
        return {}
    root = ET.parse(path).getroot()
    return {d.get("name"): (d.findtext("value") or "") for d in root.findall("data")}


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def save(path, strings):
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(
        f'  <data name="{esc(k)}" xml:space="preserve"><value>{esc(v)}</value></data>\n'
        for k, v in sorted(strings.items(), key=lambda kv: kv[0].lower()))
    path.write_text(HEADER + body + "</root>\n", encoding="utf-8")


def main(args):
    if args[:1] == ["--tsv"]:
        rows = [line.rstrip("\n").split("\t") for line in Path(args[1]).read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
    elif len(args) == 3:
        rows = [args]
    else:
        print(__doc__)
        return 2
    zh, en = load(FILES["zh"]), load(FILES["en"])
    for row in rows:
        if len(row) != 3:
            print("bad row:", row)
            return 1
        key, zh_text, en_text = row
        zh[key], en[key] = zh_text, en_text
    save(FILES["zh"], zh)
    save(FILES["en"], en)
    print(f"{len(rows)} string(s) written; {len(zh)} keys in all")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

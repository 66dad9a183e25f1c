#!/usr/bin/env python3
"""The obvious alternative to `heal detect` for JUnit: ElementTree iterparse both files and
compare outcomes per classname::name. Prints the number of newly failing tests."""
import sys
import xml.etree.ElementTree as ET


def outcomes(path):
    result = {}
    for _, element in ET.iterparse(path, events=("end",)):
        if element.tag == "testcase":
            failed = any(child.tag in ("failure", "error") for child in element)
            result[element.get("classname", "") + "::" + element.get("name", "")] = failed
            element.clear()
    return result


baseline, current = outcomes(sys.argv[1]), outcomes(sys.argv[2])
print(sum(1 for key, failed in current.items() if failed and baseline.get(key) is False))

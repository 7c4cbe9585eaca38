"""Print the README rule table (markdown) from the rule registry: `python scripts/rules_table.py`."""
from stripper.rules import all_rules


def table() -> str:
    rows = ["| id | name | action | what it does |", "|---|---|---|---|"]
    for r in all_rules():
        rows.append(f"| {r.id} | {r.slug} | {r.action} | {r.summary.replace('|', '/')} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())

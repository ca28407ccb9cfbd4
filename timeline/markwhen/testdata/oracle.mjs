// Reads each markwhen file named on the command line with markwhen's own
// parser (@markwhen/parser, pinned in package.json) and prints, as one
// JSON list, what TestOracle compares with this reader: the header's
// title and description, and each event in the order of the file with its
// date range, title, tags, id and the groups and sections around it.
import { parse } from "@markwhen/parser";
import { readFileSync } from "node:fs";

const out = [];
for (const path of process.argv.slice(2)) {
  const mw = parse(readFileSync(path, "utf8"));
  const events = [];
  const walk = (node, path) => {
    if (node.children) {
      const inner = node.title ? [...path, { title: node.title, style: node.style }] : path;
      for (const c of node.children) walk(c, inner);
      return;
    }
    events.push({
      from: node.dateRangeIso.fromDateTimeIso,
      to: node.dateRangeIso.toDateTimeIso,
      title: node.firstLine.restTrimmed,
      tags: node.tags,
      id: node.id ?? "",
      path,
    });
  };
  walk(mw.events, []);
  out.push({
    file: path,
    title: mw.header?.title ?? "",
    description: mw.header?.description ?? "",
    events,
    errors: mw.parseMessages.map((m) => m.message),
  });
}
console.log(JSON.stringify(out));

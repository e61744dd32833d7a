// Fails on any file under the given folder that is not well-formed XML. `sf project convert source`
// copies many metadata files without parsing them, so a broken tag would only surface at deploy.
// Uses the XML validator that ships inside the locally installed Salesforce CLI.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { XMLValidator } = require(path.join(process.argv[2], 'node_modules', 'fast-xml-parser'));

const bad = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.xml')) {
      const result = XMLValidator.validate(fs.readFileSync(full, 'utf8'));
      if (result !== true) bad.push(`${full}:${result.err.line}: ${result.err.msg}`);
    }
  }
};
walk(process.argv[3]);
if (bad.length > 0) {
  console.error(bad.join('\n'));
  process.exit(1);
}

// Validates every element-templates/*.json against Camunda's element templates JSON schema (Camunda 7).
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const folder = path.join(__dirname, '..', '..', 'element-templates');
const files = fs.readdirSync(folder).filter(f => f.endsWith('.json')).sort();
let failed = 0;
for (const file of files) {
  const template = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
  if (!validate(template)) {
    failed++;
    console.error(`${file}: ${ajv.errorsText(validate.errors, { separator: '\n  ' })}`);
  }
}
if (files.length === 0) {
  console.error('no element templates in element-templates/');
  process.exit(1);
}
if (failed > 0) {
  process.exit(1);
}
console.log(`element templates: ${files.length} valid against @camunda/element-templates-json-schema`);

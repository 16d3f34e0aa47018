// Print the errors and warnings in a log written by `Sarif.Multitool validate --output LOG`
// and exit 1 when there is any (the validator itself exits 0 whatever it finds). A result with
// no level takes its rule's default level, else warning (SARIF 2.1.0 §3.27.10); notes are
// counted, not failed. Two warnings are accepted, by rule and message id, for the reasons below,
// and both must be reported: the validator silently reports nothing at all when a log does not
// deserialize (an unknown enum value such as `"level": "bogus"`), so their absence means that it
// did not analyse the log.
// Usage: node problems.js LOG
"use strict";
const fs = require("fs");

const accepted = {
  // testtier has no public home page to name, and a made-up URI would mislead.
  "SARIF2005/Warning_ProvideToolnformationUri": "the tool has no informationUri",
  // A line-0 finding is about the whole file. A physicalLocation without a region means the whole
  // artifact (SARIF 2.1.0 §3.29.1); the validator's suggested region needs the file's line count.
  "SARIF2017/Warning_MissingRegion": "a whole-file finding has no region",
};

const log = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const problems = [];
const seen = new Set();
let notes = 0;

/// Return the text of `message`, from the rule's message strings when it has only an id.
function text_of(message, rule) {
  if (message?.text) return message.text;
  const template = rule?.messageStrings?.[message?.id]?.text ?? message?.id ?? "";
  return template.replace(/\{(\d+)\}/g, (_, i) => message.arguments?.[Number(i)] ?? "");
}

function check_result(result, rules) {
  const rule = rules[result.ruleIndex] ?? rules.find((r) => r.id === result.ruleId);
  const level = result.level ?? rule?.defaultConfiguration?.level ?? "warning";
  const line = `${level} ${result.ruleId}: ${text_of(result.message, rule)}`;
  if (level !== "error" && level !== "warning") {
    notes += 1;
  } else if (accepted[`${result.ruleId}/${result.message?.id}`]) {
    seen.add(`${result.ruleId}/${result.message.id}`);
    console.log(`accepted (${accepted[`${result.ruleId}/${result.message.id}`]}): ${line}`);
  } else {
    problems.push(line);
  }
}

function check_invocation(invocation) {
  if (invocation.executionSuccessful === false) problems.push("error: the validator did not run to the end");
  const notifications = [...(invocation.toolExecutionNotifications ?? []),
                         ...(invocation.toolConfigurationNotifications ?? [])];
  for (const notification of notifications) {
    const level = notification.level ?? "warning";
    if (level === "error" || level === "warning") problems.push(`${level} (validator): ${text_of(notification.message)}`);
  }
}

for (const run of log.runs ?? []) {
  const rules = run.tool?.driver?.rules ?? [];
  for (const result of run.results ?? []) check_result(result, rules);
  for (const invocation of run.invocations ?? []) check_invocation(invocation);
}

for (const key of Object.keys(accepted)) {
  if (!seen.has(key)) problems.push(`error: the validator did not report ${key}, which this log must trigger: it did not analyse the log (or the writer changed: update 'accepted')`);
}

for (const problem of problems) console.log(problem);
console.log(`${problems.length} error(s) or warning(s), ${notes} note(s)`);
process.exit(problems.length > 0 ? 1 : 0);

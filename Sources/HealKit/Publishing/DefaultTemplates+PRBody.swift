// The embedded copy of templates/pr-body.mustache; DefaultTemplatesTests checks the two are identical.
extension DefaultTemplates {
    /// The built-in `pr-body` template.
    public static let prBody = #"""
{{! heal pull-request body. Override per repository at .heal/templates/pr-body.mustache. }}
{{! Variables are not HTML-escaped. Fences are chosen longer than any backtick run inside. }}
# {{title}}
{{#unboxedReason}}

> [!WARNING]
> **No sandbox.** The agent and the project's code under verification ran without an OS sandbox
> ({{unboxedReason}}): they could read and write anything you can. Review this change, and the
> machine it ran on, with that in mind.
{{/unboxedReason}}

heal found a regression after a deploy, traced it to the change below, and an agent proposed
this fix on `{{reproduce.branch}}`. **Review it like any other change: heal never merges, never
pushes to and never moves the base branch.**

## Triggering result

{{#productionError}}
{{productionError}}
{{/productionError}}
{{^productionError}}
{{^scores}}
{{#hasOtherTests}}
One change broke {{testCount}} tests. heal grouped them as one cause: it triaged the first in
full and confirmed each of the others with runs of its own (each fails at the culprit and
passes there with the causal diff reverted). This one fix is for all of them.

| Test | File |
|---|---|
| `{{testRow.id}}` | {{#testRow.file}}`{{testRow.file}}`{{/testRow.file}} |
{{#otherTests}}
| `{{id}}` | {{#file}}`{{file}}`{{/file}} |
{{/otherTests}}

{{/hasOtherTests}}
`{{test.id}}`{{#test.file}} (in `{{test.file}}`){{/test.file}}:

- Baseline `{{eval.baselineRevision}}`: {{eval.baselineOutcome}}
- Deploy `{{eval.deployRevision}}`: {{eval.deployOutcome}}, on each of {{eval.reruns}} fresh reruns (a new process each)
{{/scores}}
{{#scores}}
Eval scores dropped after the deploy:

{{table}}
{{/scores}}
{{#failureOutput}}

<details><summary>Failure output at the deploy</summary>

{{failureFence}}text
{{failureOutput}}
{{failureFence}}

</details>
{{/failureOutput}}
{{/productionError}}

## Culprit commit

`{{culprit.id}}` by {{culprit.author}}: {{culprit.subject}}

## Causal diff

{{causalDiffIntro}}

{{causalDiffFence}}diff
{{causalDiff}}
{{causalDiffFence}}

## What the agent changed

Agent: `{{change.agent}}`.
{{#change.summary}}

The agent's own account (its words, unverified; shown as plain text):

{{change.summaryFence}}text
{{change.summary}}
{{change.summaryFence}}
{{/change.summary}}

{{#change.files}}
- `{{path}}` (+{{added}} -{{removed}}): {{reason}}
{{/change.files}}

The scope guard accepted the change: every changed file is in the failing test's coverage
area or an allowed path; no test, skip marker, CI configuration, hook or heal configuration was
touched; no symlink, binary file or path outside the repository.
Size: {{change.changedLines}} changed lines in {{change.changedFileCount}} files (limits: {{change.maxChangedLines}} lines, {{change.maxChangedFiles}} files).

{{changeDiffFence}}diff
{{change.diff}}
{{changeDiffFence}}

## Verification

{{#verification.statements}}
- {{.}}
{{/verification.statements}}
{{^verification.statements}}
{{^scores}}
{{^hasOtherTests}}
- `{{test.id}}` passed on {{verification.testPasses}} of {{verification.testReruns}} reruns with the fix.
{{/hasOtherTests}}
{{#hasOtherTests}}
- Each of the {{testCount}} tests above passed on {{verification.testPasses}} of {{verification.testReruns}} reruns with the fix, and in the full suite.
{{/hasOtherTests}}
{{/scores}}
{{#scores}}
{{verification}}
- No other eval case dropped with the fix.
{{/scores}}
- Full suite: {{verification.suiteSummary}}
{{/verification.statements}}

## Attempt

Attempt {{attempt.number}} of {{attempt.maximum}}. After {{attempt.maximum}} failed attempts in a row heal stops
and escalates to a human instead of retrying.

## Reproduce locally

{{#reproduce.note}}
{{reproduce.note}}
{{/reproduce.note}}
{{^reproduce.note}}
{{reproduceFence}}sh
git checkout --detach {{reproduce.deployRevision}}
{{reproduce.testCommand}}    # {{^scores}}fails{{/scores}}{{#scores}}low scores{{/scores}}: the regression
git checkout --detach {{reproduce.branch}}
{{reproduce.testCommand}}    # {{^scores}}passes{{/scores}}{{#scores}}scores back{{/scores}}: the fix
{{reproduceFence}}
{{/reproduce.note}}

If the branch is only on the remote, fetch it first: `git fetch origin {{reproduce.branch}}:{{reproduce.branch}}`.

---
Staged by heal. heal never merges: this pull request waits for a human to review and merge it.

"""#
}

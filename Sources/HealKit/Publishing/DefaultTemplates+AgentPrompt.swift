// The embedded copy of templates/agent-prompt.mustache; DefaultTemplatesTests checks the two are identical.
extension DefaultTemplates {
    /// The built-in `agent-prompt` template.
    public static let agentPrompt = #"""
{{! heal fix-agent prompt. Override per repository at .heal/templates/agent-prompt.mustache. }}
{{! Variables are not HTML-escaped. Fences are chosen longer than any backtick run inside. }}
You are fixing a regression that a deploy introduced into this repository. You are working in a
scratch copy of the repository for the fix branch `{{branch}}`; a human will review your change as a pull
request.
{{#productionError}}
The regression is an error in production: no test fails yet. First add a NEW test that reproduces
it, then make the smallest change to the code that makes that test pass without breaking any
other test.

## 1. The production error

{{productionError}}

## 2. The causal diff

These are the changes from the deploy that the error's trace runs through. The fix belongs in or
next to this code:

{{causalDiffFence}}diff
{{causalDiff}}
{{causalDiffFence}}

## 3. What to do

1. Add a new test module (a file named like {{testModuleExamples}}, matching the test globs
   below) with a test that calls the code as the failing requests do and fails, at the deploy,
   with the same exception (`{{errorType}}`). Never edit, rename or delete an existing test file,
   and do not add files that configure how tests run (`conftest.py`, `__init__.py`, …).
2. Fix the code so that the new test passes. Keep the intent of the deploy where you can.

heal checks that the new test fails at the deploy with that exception and passes with your fix,
and that the rest of the suite has no new failures. Edit the files in place and stop. Do not
commit, do not push, do not open a pull request, do not create branches or tags, and do not
fetch anything from the network.
{{/productionError}}
{{^productionError}}
Make the smallest change to the code that makes the failing test below pass again
without breaking any other test.

## 1. The failing test

- Test id: `{{test.id}}`
{{#test.file}}
- Test file: `{{test.file}}`
{{/test.file}}
{{#test.command}}
- Run it alone with: `{{test.command}}`
{{/test.command}}

It passed before the deploy and fails consistently after it. Its failure output:

{{failureFence}}text
{{failureOutput}}
{{failureFence}}
{{#hasOtherTests}}

The same change breaks {{otherCount}} more tests; your fix must make them pass too:
{{#otherTests}}

- Test id: `{{id}}`{{#file}} in `{{file}}`{{/file}}
{{#output}}

{{outputFence}}text
{{output}}
{{outputFence}}
{{/output}}
{{/otherTests}}
{{/hasOtherTests}}

## 2. The causal diff

These are the changes from the deploy that make the test fail (reverting them makes it pass).
The fix belongs in or next to this code:

{{causalDiffFence}}diff
{{causalDiff}}
{{causalDiffFence}}

## 3. What to do

Fix the code so that `{{test.id}}`{{#hasOtherTests}} and the other tests above{{/hasOtherTests}} pass{{^hasOtherTests}}es{{/hasOtherTests}}. Keep the intent of the deploy where you can: prefer
correcting the faulty change over reverting unrelated work. Edit the files in place and stop.
Do not commit, do not push, do not open a pull request, do not create branches or tags, and do
not fetch anything from the network: heal checks, verifies, commits and stages the pull request
itself, and never merges it.
{{/productionError}}
{{#instruction}}

{{instruction}}
{{/instruction}}

## Scope rules (a change that breaks any of these is rejected as a whole)

{{#scope.hasEditableFiles}}
- Change only these files (the code the failing test runs, and the files of the causal diff):
{{#scope.editableFiles}}
  - `{{.}}`
{{/scope.editableFiles}}
{{/scope.hasEditableFiles}}
{{#scope.allowGlobs}}
- You may also change files matching: {{scope.allowGlobs}}
{{/scope.allowGlobs}}
{{#productionError}}
- Add new test modules only; do not touch, delete or rename existing tests: {{scope.testGlobs}}
{{/productionError}}
{{^productionError}}
- Do not touch, delete or rename tests. Off-limits: {{scope.testGlobs}}
{{/productionError}}
- Do not skip, disable or weaken any test: no skip or expected-failure markers of any kind
  (for example `pytest.mark.skip`, `pytest.mark.xfail`, `unittest.skip`, `XCTSkip`,
  `.disabled(`, `t.Skip`, `it.skip`, `xit`, `@Disabled`, `@Ignore`, `pending`).
- Do not change CI configuration, git hooks or heal's configuration. Off-limits:
  {{scope.offLimits}}
- No symbolic links, no binary files, no paths outside the repository (no `..`, no absolute
  paths).
- At most {{scope.maxChangedLines}} changed lines in at most {{scope.maxChangedFiles}} files.

"""#
}

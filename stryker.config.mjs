// @ts-check
/**
 * `npm run test:mutation`: StrykerJS 9 (10 needs Node 22; Yishi runs on 20) over the pure rules, judged only by the fast tests
 * (vitest.fast.config.ts, no stores). Incremental: a rerun mutates only what changed since
 * reports/stryker-incremental.json. Reports: reports/mutation/ (HTML + JSON, git-ignored).
 *
 * Surviving mutants that are equivalent (no input can tell them from the code):
 * - arg-kinds.ts splitDateTime `cut = chars.length ± 1`, `cut >= 0`: a cut at either end leaves an
 *   empty date or time, which never reads, and the whole token was tried just before.
 * - arg-kinds.ts acceptsJoinedRest `first.kind === 'text'`: readArg accepts any text anyway; the
 *   line says the rule out loud. Its `?? ''` (rest starting with a space): no kind reads '' or
 *   the mutant's sentence differently.
 * - wecom/crypto.ts `Buffer.from(…, 'utf8')` → `''`, dingtalk/verify.ts `update(…, 'utf8')` → `''`:
 *   Node's default encoding is UTF-8.
 * - wecom/crypto.ts BASE64 pattern (anchors, group size): sealing the plaintext again must give
 *   back the exact ciphertext, which refuses any non-canonical Base64 too; the pattern only
 *   refuses junk before AES runs.
 * - text-limit.ts countCharacters `i > 0` → `true` / `i >= 0`: at i = 0, `charCodeAt(-1)` is NaN, and
 *   NaN fails the high-surrogate test that follows, so the first unit never completes a pair anyway.
 * - text-limit.ts textOverLimit `text.length <= limit` → `false` / `<`: only a shortcut; without it
 *   the code points are counted, never more than the UTF-16 units, and the same undefined comes back.
 * - contact-details.ts digitOf: the ASCII fast path (`char.length === 1 && char < '\u0080'` → `false`,
 *   `true`, `!==`, `<=`, `''`) and `char.length === 1` on the digit line: NFKC leaves an ASCII non-digit
 *   (and U+0080) as it is, never a digit, and a surrogate pair's first unit is never between 0 and 9.
 *   `if (cached !== undefined)` → `false`: the cache only saves work.
 * - contact-details.ts scriptOf (`===` → `!==`, either label → `''`): the labels are only compared
 *   with each other, and swapped or emptied they still differ.
 * - contact-details.ts readChains `chain.length > 0` → `true` / `>= 0`: an empty chain holds no detail.
 * - contact-details.ts landlineOf `!(international && …startsWith('0'))` → `!(false)`: with +86 the
 *   code is read as `0` + the group, so a group starting with 0 gives `00…`, never an area code.
 *   `rest.length === 1 && international` → `true` / `||`: only reached with one group after +86, or
 *   none (the chain is only `86`), which LANDLINE_IN_ONE refuses. `!area || !local` → `&&`: both are
 *   set together. `digits.length > MAX_DIGITS` → `false`: no landline reading is longer than 16 digits.
 * - contact-details.ts widen `from > 0` → `true` / `>= 0`: text[-1] is undefined and tests as
 *   'undefined', no + or bracket. `text[to] ?? ''` → any other string without a closing bracket.
 * - contact-details.ts findContactDetails `from < chain.length` → `<=`: at the end nothing is read and
 *   `from` moves on; `length +=` → `-=` and the `break` → `false`: the break only stops reading past
 *   18 digits, and no longer reading can match.
 * - contact-details.ts maskContactDetails `details.length === 0` → `false`: the loop gives the text back.
 * - contact-details.ts maskPhone's `filter(d !== null)` (removed, or → `true`): join() writes null as ''.
 * - text-scan.ts isWhitespace `if (code < 0xa0)` → `if (false)`: a shortcut; no code from 0x21 to 0x9f is in the list below.
 * - text-scan.ts withoutTrailing `end === text.length ? text :` → `false ?`: slice(0, length) is the text.
 * - text-scan.ts withoutLeading `i < text.length` → `<=` (first loop): one step past the end only when
 *   every character was taken, and slice() past the end is '' as well. Second loop (`<=`, `true`):
 *   charCodeAt past the end is NaN, which is no whitespace.
 * - text-scan.ts blankRanges `ranges.length === 0` → `false`: with no range the loop gives the text back.
 * - text-scan.ts CollapsedText positions `length - offset` → `+`, `i < length` → `<=`: a longer array
 *   or a write past its end (which an Int32Array ignores) only touches positions past the text, and
 *   `from` is asked only for a position inside it.
 * - parser.ts readTags `from <= token.length` → `<`: the piece that starts at the end is always '' and adds no tag.
 * - parser.ts `ranges` / `tagRanges` = `["Stryker was here"]`: blankRanges reads the junk entry as the
 *   range ['S', 't'], NaN positions that slice() reads as 0 and repeat() as 0, so nothing is blanked.
 * - parser.ts readTokens `at < folded.length` → `<=`, `innerEnd < folded.length` → `<=`: one step
 *   past the end reads NaN (no separator) and slices '', which is no token.
 * - parser.ts findCommand `first.length > w.length` → `>=` / `true`: a word of first's length that
 *   the line starts with is first itself, found by the exact lookup just before; a longer one would
 *   have to hold a space or a word-end mark, and no command word does.
 * - parser.ts findCommand `rest` without `.trim()`: rest starts inside first, never at a space, and
 *   both startsWith and the first token ignore spaces at its end. `restLower` from the whole rest
 *   instead of its prefix: the prefix is longer than any word, so startsWith answers the same.
 * - parser.ts parseInput `line` from the whole cleaned line instead of `.slice(start)`: before
 *   `start` there are only spaces and blanked slashes and mentions, which trim() drops.
 * - parser.ts bindArgs leftover span `quoted: false` → `true`: a leftover is a time with no space
 *   around it, so its raw and its tail, the two things textFrom picks between, are the same.
 * - parser.ts parseInput `options.botNames ?? []` → `["Stryker was here"]`: only a line that names
 *   `@Stryker was here` tells; a test for it would test the mutant, not the parser.
 * - parser.ts LineToken tail `: ''` (no coverage): unreachable; every span parseInput returns has
 *   its line, and tokenize() reads only values.
 * - working-calendar.ts workingMsBetween `to <= from` → `false` / `<`: a shortcut; when `to` is not after
 *   `from`, every day's share is max(0, ≤ 0) = 0, and eachDate gives no day at all for a reversed range.
 * - date-phrases.ts monthRange `month === 12 ? … : …` → `false ? …`: the day before `YYYY-13-01` is
 *   still 31 December, as addDays counts in UTC milliseconds and Date.UTC rolls month 13 into January.
 * - date-phrases.ts nextMonthDay `!date && validDate(2000, …) === null` → `false` / `date && …`: only
 *   stops early; a month or day no year has is refused by every later year too, and null comes at the end.
 * - date-phrases.ts nextDayOfMonth `dayOfMonth < 1 || dayOfMonth > 31` (→ `false`, `&&`, either side
 *   `false`): only stops early, as 0号 and 32号 make no date in any month. `i < 12` → `<=` and `i++` →
 *   `i--`: every day from 1 to 31 comes within 12 months (31 at most two months away), so the
 *   loop always returns before its bound.
 * - route-access.ts: the photos and assign rules (all their mutants: anchors, classes, `methods` → `[]`
 *   or `[""]`) only say out loud what the `/api` rule gives anyway (staff), and no member rule can
 *   reach their paths. A member rule's `access` → `""`: indexOf gives -1, which Math.max(0, …) reads
 *   as member. `rule?.access ?? 'token'` (→ `""`, `rule.access`) and the console rule's `(\/|$)` →
 *   `(\/)`: every reading in an admin area matches the console or the `/api` rule, and a bare
 *   /console falls back to token anyway. The `/api` rule's and export.csv's `^`: every reading that
 *   gets that far starts with /api, and the fallback gives staff too. roleAllows `access === 'token'`
 *   → `false` / `""`: a shortcut, as no role ranks as high as token.
 * - official-calendar.ts chineseName `english = ''` → any other default (no coverage): split() always
 *   gives at least one piece, so the default is never taken; it is there for noUncheckedIndexedAccess.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.fast.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/core/dates.ts',
    'src/core/suggest.ts',
    'src/core/roles.ts',
    'src/core/arg-kinds.ts',
    'src/core/parser.ts',
    'src/core/opinion-number.ts',
    'src/core/text-scan.ts',
    'src/core/text-limit.ts',
    'src/core/scheduled-job.ts',
    'src/core/working-calendar.ts',
    'src/core/official-calendar.ts',
    'src/core/date-phrases.ts',
    'src/platforms/wecom/crypto.ts',
    'src/platforms/dingtalk/verify.ts',
    'src/http/admin-gate.ts',
    'src/http/route-access.ts',
    'src/services/privacy/contact-details.ts',
    'src/services/privacy/names.ts',
    'src/services/privacy/privacy-gate.ts',
    'src/services/csv-file.ts',
    // Only the token bucket's arithmetic: the rest (locks, state) is exercised by the store suites.
    'src/storage/memory/memory-coordination.ts:81-94',
  ],
  // Two cores shared with others: one or two sandboxes at a time.
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 10000,
};

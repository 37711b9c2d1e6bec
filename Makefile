# Readyboard. Two commands do everything on a fresh machine:
#   make serve   install what is missing, then serve the release build at http://127.0.0.1:8080
#   make test    install what is missing, then run every test layer
# Every install step says what it is doing and is skipped when its tool is already there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION        := 0.21.14
WASM_BINDGEN_VERSION := 0.2.130
WASM_SPLIT_VERSION   := 0.2.4
# The release bundle budget: wasm + js + css together, gzipped, in KB (1 KB = 1000 bytes).
# Raise it on purpose, in the commit that needs it, never by accident. History:
#   150  the starting budget.
#   230  foundation (2026-11-23), measured 222.0 KB. Measured floors, same profile, wasm only:
#        a Leptos 0.8 shell with leptos_router + leptos_meta and 8 routes is 80.7 KB; adding
#        the serde_json document layer (envelope, migrations, validation, demo) makes it
#        120.6 KB; the store, banners, recovery and data pages bring it to 209.7 KB. Already
#        applied: opt-level z, fat LTO, panic=abort, wasm-opt -Oz, --cfg erase_components,
#        FlatRoutes. No single item left is over 2% of the wasm (twiggy).
#   370  readiness self-assessments (2026-11-23), measured 359.7 KB: five routes (overview,
#        framework editor, school, round, printable summary), the profile chart, the default
#        framework's text and the demo rounds. Shrinking the view code is the next size task.
#   560  phase-in planner (2026-11-23), measured 549.1 KB: four routes (planner, roster with CSV
#        import, readiness plans, decision brief), the csv crate (+24 KB gzip, measured: most of
#        it is f64 parsing, which the import needs anyway) and about 3,500 lines of view code.
#        Leptos views cost about 50 bytes gzip per line here. Splitting the wasm per route
#        (Leptos 0.8 lazy routes need wasm-split, which Trunk 0.21 does not run) and trimming
#        the roster and plan pages are the next size tasks.
#   760  Plus board and teacher view (2026-11-23), measured 753.1 KB: two routes (the board,
#        with its grid, dialogs, rules, metrics, print and publish panel; the teacher's
#        schedule with link and file reading and calendar files), the board domain, the share
#        codec (serde tuples + miniz_oxide, 11 KB raw of the wasm) and the time crate (dates).
#        In the unoptimised build the board page is 84 KB + 19 KB of its grid component, the
#        stored board 29 KB, the share codec 32 KB and the teacher view 18 KB. Teachers on
#        phones need only /schedule: a separate, small entry point for it is the next size
#        task, with splitting the wasm per route.
#   790  the board's set-up page (2026-11-23), measured 786.6 KB: calendar with breaks, Plus
#        team, teams and teachers, about 500 lines of view code for 33 KB gzip.
#   800  review fixes on the board and editing people in the set-up, measured 796.5 KB.
#   850  reliability (2026-11-29), measured 844.7 KB (+48.2 KB): the district stored in parts
#        (split/join, change detection, the packed format, the head, two-tab rules per part),
#        roster CSV decoding by hand (UTF-8, UTF-16, Windows-1252: +4.3 KB, where encoding_rs
#        would bring its tables), teacher keys and the date range, the CSP boot file (0.2 KB).
#        Parts are read through serde_json::Value, as backups are, so the document's types
#        have one set of deserialisers (reading them straight from bytes cost 20.8 KB more).
#        miniz_oxide at opt-level 3 (saves run deflate): 0.6 KB smaller than at z.
#        Splitting the wasm per route is the next issue.
#   870  private readiness ratings (issue 11, 2026-11-30), measured 866.2 KB (+16.5 KB; wasm
#        gzip 829.5 -> 845.4 KB): raters' PINs as salted SHA-256 (sha2), the PIN step, clear
#        and re-rate, tables that are regions only while they scroll, the verdict's reason.
#   935  the rest of issue 11 (2026-11-30), measured 928.4 KB (+62.2 KB): the board's clash
#        marks, free-teacher editor, PD plan, teacher and Plus-team import (CSV or pasted
#        rows), and its keyboard model; the planner's scenarios, pin checks and overrides,
#        cover note and ScrollTable (one wrapper for every wide table, a ResizeObserver).
#        All of it is code for one route each: issue 12 splits the wasm by route.
#  1230  split by route (issue 12, build): measured 1223.4 KB (+295 KB): the main wasm
#        (342.1 KB gzip) and 328 files of route code: 16 split_<route>.wasm (564.8 KB) and 312
#        chunk_<n>.wasm (284.5 KB), one per set of routes that share code (wasm-split-cli
#        0.2.4). Small files compress worse apart: all route code gzipped as one file would
#        be 722.8 KB, not 849.3. Nobody downloads the total any more: see the route budgets.
#  1255  the demo behind a lazy function (2026-11-30), measured 1251.5 KB (+28 KB: 378 files,
#        and small files compress worse apart), while every route's first load fell by 22-43 KB:
#        the shell is 334.5 KB (was 377.6), because the recovery page no longer pulls the whole
#        demo (planning, board generation, the framework's text) into the main wasm.
#  1415  the teacher's own app (2026-11-30), measured 1412.1 KB (+160.6 KB): a share link opened
#        afresh starts a second, small wasm (src/bin/teacher.rs: the schedule view, no store,
#        no router), 163.7 KB gzip (wasm 156.3, js 7.4), instead of the staff app: a teacher's
#        link fetches 179.0 KB (was 485.9). Route loads fail softly (fallible wasm_split).
#  1420  the route table (2026-11-30), measured 1416.8 KB: routes-<hash>.js (6.3 KB gzip: each
#        route's pieces, for the boot script to preload beside the main wasm), and the kit
#        pieces shared by several routes (remove question, undo notice, field error).
#  1430  the reader (2026-11-30), measured 1425.9 KB: the serde code that reads rounds, the
#        planner, boards and whole envelopes left the main wasm (305.6 -> 274.2 KB gzip) for a
#        piece of its own (split_stored_reader and its chunks), fetched only when a district
#        is stored; the pieces' own imports and headers cost 9 KB in all.
#  1445  the phase-in planner's finer updates (2026-11-30), measured 1442.8 KB: keyed rows,
#        a memo per row and per part of "What this plan means" (scenario edits 56-72 -> 40-56
#        ms at 500 schools), about 16 KB gzip more code in the phase-in pieces.
#  1685  executive coaching (2026-11-30), measured 1679.6 KB: its pages' piece 153.2 KB, the
#        reader +17.6 (its types' deserialisers), the main wasm +12.5, the demo's engagements
#        and the shared chunks the new pages need.
#  1700  executive coaching, second pass (2026-11-30), measured 1697.0 KB (+17.4): its pages'
#        piece 153.2 -> 168.9 KB (editing a contact, the phases' dates, pace and weekly
#        meetings on the school's calendar, which brings the Plus calendar's week and break
#        rules into the piece, the log and program table drawn in steps), the kit's
#        rows_in_steps, and the stylesheet.
#  1840  the coaching model's charter (2026-11-30), measured 1832.2 KB (+135.2): its pages'
#        piece (split_model_route 71.9 KB and 51 more shared-chunk files), the reader's
#        deserialisers for the model's two parts, and the model's types in the main wasm
#        (Serialize, Clone, PartialEq, validation, the parts' split and join).
#  1985  the coaching model's schools, coaches and printed charter (2026-12-01), measured
#        1977.8 KB (+145.6): the model's piece 71.9 -> 208.8 KB (the schools page with its
#        sessions and adaptations, the coaches page with the development view, the hire gap,
#        coaches, check-ins, shadowing, meetings and learning, and the printed charter with
#        each school's version) and the shared chunks it needs. As three pieces (the
#        charter's, the schools', the coaches') the total was 2006.9 and every staff route
#        loaded 5-17 KB more (the routes' shared code cut into more, smaller files), so the
#        five pages are one piece, as executive coaching's eight.
#  1995  the coaching model at scale (2026-12-01), measured 1993.6 KB (+13.6): the model's
#        piece 208.8 -> 219.6 KB ("Show 50 more" on its long lists, the status line that
#        says the same words again, the review's fixes), and in the main wasm the model stored
#        in smaller parts (a part per school's roll-out and per coach's record: a check-in
#        writes a few hundred bytes, not the whole model's 260 KB of JSON), +2.7 KB.
#  2010  the writer out of the main wasm (issue 12, 2026-12-01), measured 2005.4 KB (+11.8; the
#        executive contact log's "Show 50 more" is 1.4 of it): every part's serialisers,
#        deflate and the envelope's writer are a lazy piece (split_stored_writer, 11.0 KB, and
#        its chunks), fetched once a route's page has painted; the reader's piece 72.1 KB
#        takes the serde_json code the main wasm no longer shares (main wasm 286 -> 280 KB
#        gzip, and the shared chunks recut). Every route's first load is 17-18 KB smaller.
#  2020  each teacher's own link (issue 15, 2026-12-01), measured 2017.5 KB (+12.1): the
#        publish panel's list of every teacher's link with its copy button, the teacher's own
#        copy (domain::plus::teacher_link) in the board's piece and the teacher's app.
#  2045  the teachers' slips, mail merge and emails (issue 15, 2026-12-01), measured 2043.4 KB
#        (+25.9): the qrcode crate (module matrix only) and the slips, the mail-merge CSV, the
#        "whose links changed" notice, the teacher's email on the set-up page and in the import,
#        and the store's one wait for the writer with the leave-page prompt.
BUNDLE_BUDGET_KB     := 2045
# Each route's cold first load: the wasm, js and css fetched before its h1 shows, gzip KB,
# measured in headless Chromium (scripts/route-sizes.mjs). A route's budget is that of the
# longest path it starts with. The goals (issue 12) are 250 for every route and 150 for a
# teacher's link; these budgets hold today's figures (2026-11-30) until the shell shrinks:
# every route loads 377.6 KB (the main wasm 342.1, app.js 10.7, __wasm_split.js 9.9, css
# 11.1); `make wasm-sizes` says what the main wasm holds. Measured: / 405.4, /readiness/…
# 440.7–533.3, /phase-in/… 515.6–560.4, /board 669.3, /board/setup 550.9, /schedule 510.5,
# /model and /executive 379.7, /data 447.5, page not found 377.6; a teacher's link 510.5.
# After the demo went lazy (2026-11-30), every route loads 334.5 KB: / 373.7, /readiness/…
# 413.0–509.5, /phase-in/… 507.3–556.3, /board 657.2, /board/setup 528.9, /schedule and a
# teacher's link 485.9, /data 405.2, /model and /executive 336.6.
# With the route table and the preloads (2026-11-30), every staff route loads 6.3 KB more
# (routes-<hash>.js) and starts its pieces beside the main wasm: Lighthouse mobile LCP on /
# 4.4 -> 3.9-4.1 s, /schedule 7.3 -> 6.2-6.6 s (noisy: 2 cores, builds running). Measured:
# / 388.4, /readiness/… 423.3-528.8, /phase-in/… 514.4-567.5, /board 665.1, /board/setup
# 540.8, /schedule 492.8, /data 425.7 (the kit's shared pieces), /model and /executive
# 348.9, page not found 347.4; a teacher's link 179.3.
# With the reader out of the main wasm (2026-11-30), every route loads about 31 KB less: / 357.8,
# /readiness/… 392.9-498.6, /phase-in/… 483.8-539.6, /board 635.9, /board/setup 512.6,
# /schedule 463.1, /data 395.0 (a restore fetches the reader when it reads the file), /model
# and /executive 317.9, page not found 316.4; a teacher's link 179.5. A returning visit (a
# district stored) also fetches the reader's pieces, preloaded beside the main wasm.
# /schedule in a browser that keeps no district starts the teacher's app (2026-11-30): 179.9
# (the staff page, with a district stored, 501.6 with the reader). route-sizes also prints a
# returning visit after a deploy (a district stored, nothing cached): / 397.5, /readiness 436.1,
# /phase-in 576.4, /board 673.1, /schedule 501.6, /data 435.0.
# The phase-in planner's finer updates (2026-11-30): /phase-in 539.6 -> 554.5 (its own split
# 55.5 -> 67.4 KB), for what-if changes that redraw only what changed.
# Executive coaching (2026-11-30), raised on purpose: its eight pages are one lazy piece of
# 153.2 KB, first loaded at /executive (693.8 in all, with 258 shared-chunk files, 206.1 KB).
# Every route grew: the main wasm 274.2 -> 286.8 KB (the document's new part: its Serialize,
# PartialEq and Clone code, validation and the parts' split and join), and the shared chunks
# about 5 KB: / 358.1 -> 375.3, /readiness/… 413.3-519.7, /phase-in/… 510.8-578.4, /board
# 663.8, /board/setup 535.8, /data 413.4, /model 335.2; a teacher's link 181.0 (unchanged).
# Next: the serialisers of every part but the core into the reader's piece (about 25 KB of
# the main wasm is writing JSON), which would take back more than this on every route.
# Executive coaching's second pass (2026-11-30), raised on purpose: /executive 693.8 -> 712.8
# (its piece 168.9 KB, see the total's history), /data 414.1 (the stylesheet); every other
# route within 0.1 KB of before.
# The coaching model's charter (2026-11-30), raised on purpose: /model is its own piece (71.9
# KB) and loads 557.3 in all; every staff route grew 12-28 KB, because the main wasm carries
# the document's new part (its serialisers, comparison and validation) and the shared chunks
# were cut again: / 389.0, /readiness/… 428.1-535.4, /phase-in/… 525.5-595.5, /board 681.2,
# /board/setup 555.8, /data 425.7, /executive 740.9, page not found 347.3; a teacher's link
# 181.3 (unchanged). The way back is issue 12's: every part's serialisers but the core's out
# of the main wasm, into the reader's piece.
# The coaching model's schools, coaches and printed charter (2026-12-01), raised on purpose:
# /model 557.3 -> 752.7 (its piece 208.8 KB, see the total's history); every other route
# within 1 KB of before (the stylesheet, and the store's model-only edits in the main wasm):
# / 390.0, /readiness/… 429.6-537.9, /phase-in/… 527.9-597.6, /board 684.0, /board/setup
# 556.0, /data 427.2, /executive 743.1; a teacher's link 181.7.
# The coaching model at scale (2026-12-01), raised on purpose: /model 752.7 -> 764.2 (its
# piece, see the total's history); every other route 2-3 KB more, the main wasm's smaller
# parts for the model (their split, join and comparison): / 392.7, /readiness/… 431.7-540.9,
# /phase-in/… 530.4-599.4, /board 686.5, /board/setup 558.4, /data 430.2, /executive 746.2;
# a teacher's link 182.0 (the stylesheet). The way back is still issue 12's: every part's
# serialisers but the core's out of the main wasm.
# The writer out of the main wasm (2026-12-01): every part's serialisers and deflate are a
# lazy piece that each route fetches once its page has painted (route-sizes now times the
# h1 with a MutationObserver and counts files by the page's resource timing, so a fetch
# that starts just after the h1 shows is not counted). Every route 17-18 KB less: / 392.6
# -> 375.4, /readiness/… 414.4-524.3, /phase-in/… 514.6-584.6, /board 680.9, /board/setup
# 542.5, /data 412.8, /executive 733.9 (its log's "Show 50 more": +1.4), /model 748.9,
# page not found 332.9; a teacher's link 182.1.
# Each teacher's own link (issue 15, 2026-12-01), raised on purpose: /board 680.9 -> 694.2
# (the publish panel's own links, and the board's shared chunks recut); the teacher's app
# 182.1 -> 184.5 (one teacher's copy opens their page at once).
# The teachers' slips (QR codes: the qrcode crate), mail-merge CSV and emails (2026-12-01),
# raised on purpose: /board 694.2 -> 743.6; every other route 1-3 KB (the store's one wait
# for the writer, the leave-page prompt, the stylesheet): /readiness/… up to 526.2, /phase-in
# 587.9, /executive 736.3, /model 750.1, /data 414.9.
ROUTE_BUDGETS_KB       := /=377 /readiness=528 /phase-in=589 /board=745 /schedule=185 /data=416 /executive=737 /model=752
# The teacher's own app (2026-11-30): a teacher's link loads 179.0 KB (boot.js, main.css,
# teacher.js, teacher_bg.wasm), every other route as before (the shell 337.9 KB).
# The one stylesheet carries executive coaching's styles too (2026-11-30): 181.1.
# The stylesheet's status lines and "Show more" (2026-12-01): 182.0.
# Each teacher's own link (2026-12-01): 184.5.
TEACHER_LINK_BUDGET_KB := 185
# A returning visit after a deploy (a district stored, nothing cached; the staff /schedule):
# measured 2026-11-30 / 397.5, /readiness 436.1, /phase-in 576.4, /board 673.1, /schedule
# 501.6, /data 435.0.
# With the planner's finer updates: /phase-in 591.4.
# With executive coaching (2026-11-30): the reader 33.0 -> 50.6 KB (its engagements' and
# cohorts' deserialisers): / 435.8, /readiness 476.6, /phase-in 635.5, /board 721.6,
# /schedule 545.1, /data 474.3.
# Executive coaching's second pass (2026-11-30): / 436.8, /readiness 478.0, /phase-in 636.4,
# /board 723.1, /schedule 546.5, /data 475.3 (the stylesheet and the main wasm's few bytes).
# The coaching model (2026-11-30): the reader reads its two parts; / 471.9, /readiness 511.4,
# /phase-in 675.1, /board 761.4, /schedule 581.6, /data 509.1.
# The coaching model's other pages (2026-12-01): / 472.7, /readiness 512.6, /phase-in 676.8,
# /board 764.0, /schedule 582.5, /data 510.2.
# The coaching model at scale (2026-12-01): / 476.3, /readiness 515.6, /phase-in 679.5,
# /board 767.4, /schedule 586.0, /data 514.1 (the reader reads the model's smaller parts).
# The writer out of the main wasm (2026-12-01): the reader's pieces carry the serde_json
# code the main wasm no longer shares (+8 KB), and the writer comes after the page: / 466.9,
# /readiness 506.2, /phase-in 670.6, /board 767.5, /schedule 576.5, /data 504.7.
# Each teacher's own link (2026-12-01): /board 780.8, /schedule 579.8.
# The slips, mail merge and emails (2026-12-01): / 469.0, /readiness 508.7, /phase-in 674.9,
# /board 830.9, /schedule 582.2, /data 507.7.
RETURNING_BUDGETS_KB   := /=470 /readiness=510 /phase-in=676 /board=832 /schedule=583 /data=509

CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
# Playwright drives Debian's Chromium; it must never try to download a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help tools tool-rust tool-target tool-trunk tool-wasm-bindgen tool-wasm-split tool-node tool-browser \
        dist serve test lint test-host test-wasm test-split test-e2e budget wasm-sizes bench bench-readiness bench-phase-in bench-board bench-storage bench-executive bench-model clean

help:
	@echo "make serve   install what is missing, serve the release build at http://127.0.0.1:8080"
	@echo "make test    install what is missing, run every test layer (lint, host, browser, end to end)"
	@echo "make dist    leave the release build in dist/"
	@echo "make bench   print bundle sizes (total, each route's first load, the main wasm), Lighthouse scores and the scale benches (50 ms per interaction)"

# ---------------------------------------------------------------------------------------
# Tools
tools: tool-rust tool-target tool-trunk tool-wasm-bindgen tool-wasm-split tool-node

tool-rust:
	@for c in rustfmt clippy; do \
	  if rustup component list --installed 2>/dev/null | grep -q "^$$c"; then echo "✓ $$c"; \
	  else echo "→ Installing the $$c component"; rustup component add $$c; fi; done

tool-target:
	@if rustup target list --installed | grep -qx wasm32-unknown-unknown; then echo "✓ wasm32 target"; \
	else echo "→ Installing the wasm32-unknown-unknown target (a few seconds)"; rustup target add wasm32-unknown-unknown; fi

tool-trunk:
	@if trunk --version 2>/dev/null | grep -q "$(TRUNK_VERSION)"; then echo "✓ trunk $(TRUNK_VERSION)"; \
	else echo "→ Installing Trunk $(TRUNK_VERSION) (about 13 minutes on 2 cores)"; \
	  cargo install trunk --version $(TRUNK_VERSION) --locked; fi

# No --locked: the CLI's lockfile names a webpki-roots version the registry does not serve.
tool-wasm-bindgen:
	@if wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)" && command -v wasm-bindgen-test-runner >/dev/null; then \
	  echo "✓ wasm-bindgen $(WASM_BINDGEN_VERSION)"; \
	else echo "→ Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 6 minutes)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; fi

# Splits the release wasm per route (scripts/build-split.mjs); Trunk 0.21 cannot.
tool-wasm-split:
	@if cargo install --list 2>/dev/null | grep -q "^wasm_split_cli_support v$(WASM_SPLIT_VERSION):" && command -v wasm-split-cli >/dev/null; then \
	  echo "✓ wasm-split-cli $(WASM_SPLIT_VERSION)"; \
	else echo "→ Installing wasm-split-cli $(WASM_SPLIT_VERSION) (about 1.5 minutes)"; \
	  cargo install --locked wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary; fi

# node_modules holds wasm-opt (binaryen), Playwright, axe and Lighthouse.
tool-node: node_modules/.installed
# A node_modules that is a link (a git worktree sharing another checkout's) is left alone:
# npm ci would empty the folder it links to, then replace the link.
node_modules/.installed: package.json package-lock.json
	@if [ -L node_modules ]; then \
	  echo "✓ npm dev dependencies: node_modules links to $$(readlink node_modules), left as it is"; \
	else \
	  echo "→ Installing the npm dev dependencies (wasm-opt, Playwright, axe, Lighthouse)"; \
	  npm ci --no-audit --no-fund && touch $@; \
	fi

tool-browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then echo "✓ chromium and chromedriver"; \
	else echo "→ Installing chromium and chromium-driver from apt (about a minute)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium chromium-driver; fi

# ---------------------------------------------------------------------------------------
# Build and serve
# The wasm is split per route: Trunk skips its own Rust step, and its build hooks run
# scripts/build-split.mjs (cargo, wasm-split-cli, wasm-bindgen, wasm-opt) and
# scripts/link-split.mjs (the boot script and preloads in index.html). See Trunk.toml.
dist: tools
	@echo "→ Building the release bundle into dist/ (split per route)"
	trunk build --release --offline

# `trunk serve` runs the same hooks: it serves the real split build, and rebuilds it on a change.
serve: tools
	@echo "→ Serving the release build at http://127.0.0.1:8080 (Ctrl+C stops)"
	trunk serve --release --offline --address 127.0.0.1 --port 8080

# ---------------------------------------------------------------------------------------
# Tests
test: tools tool-browser lint test-host test-wasm dist test-split budget test-e2e
	@echo "✓ make test: every layer passed"

lint: tool-rust tool-target
	@echo "→ cargo fmt --check"
	cargo fmt --check
	@echo "→ clippy, host"
	cargo clippy --all-targets -- -D warnings
	@echo "→ clippy, wasm32"
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
	@echo "→ clippy, wasm32, the app with its lazy routes (feature split)"
	cargo clippy --target wasm32-unknown-unknown --features split --bin readyboard -- -D warnings

test-host:
	@echo "→ Host tests: domain and storage logic"
	cargo test

# Components and storage against the real localStorage in headless Chromium.
test-wasm: tool-target tool-wasm-bindgen tool-browser
	@echo "→ Browser tests (wasm-bindgen-test in headless Chromium)"
	@# Chromium leaves a 140 MB profile in TMPDIR for every test file; keep them in one
	@# scratch folder and remove it, so test runs do not fill the disk.
	@scratch=$$(mktemp -d); \
	  TMPDIR=$$scratch cargo test --target wasm32-unknown-unknown --test browser --test publish --test kit; \
	  rc=$$?; rm -rf $$scratch; exit $$rc

# No build path may ship a page that was not split, and dist/ must be split (scripts/check-split).
test-split: tool-target tool-trunk
	@echo "→ The split build: every build path that skips the split fails, and dist/ is split"
	scripts/check-split dist

# The static total, then each route's cold first load, measured in headless Chromium.
budget: tool-node tool-browser
	@scripts/bundle-size dist $(BUNDLE_BUDGET_KB)
	@node scripts/route-sizes.mjs dist "$(ROUTE_BUDGETS_KB)" $(TEACHER_LINK_BUDGET_KB) "$(RETURNING_BUDGETS_KB)"

test-e2e: tool-node tool-browser
	@echo "→ End-to-end and accessibility tests (Playwright + axe, release build)"
	npx playwright test

# ---------------------------------------------------------------------------------------
# Measures (not a timed test)
# Each measure prints a table; the scale benches also fail when an interaction is over its limit.
bench: dist tool-browser
	@scripts/bundle-size dist $(BUNDLE_BUDGET_KB) || true
	@node scripts/route-sizes.mjs dist "$(ROUTE_BUDGETS_KB)" $(TEACHER_LINK_BUDGET_KB) "$(RETURNING_BUDGETS_KB)" || true
	@$(MAKE) --no-print-directory wasm-sizes
	@scripts/lighthouse
	@$(MAKE) --no-print-directory bench-readiness bench-phase-in bench-board bench-storage bench-executive bench-model

# Readiness at scale: 200 schools with 10 rounds each, every interaction within 50 ms.
bench-readiness: tool-node tool-browser
	@mkdir -p bench-out
	@echo "→ Readiness at scale (200 schools × 10 rounds)"
	@cargo run --quiet --example scale -- 200 10 > bench-out/scale-200x10.json
	@node scripts/bench-readiness.mjs bench-out/scale-200x10.json

# The phase-in planner at scale: 500 schools; every re-rank and re-plan within 50 ms.
bench-phase-in: tool-node tool-browser
	@mkdir -p bench-out
	@echo "→ Phase-in planner at scale (500 schools × 2 rounds)"
	@cargo run --quiet --release --example plan_timing -- 500 2
	@cargo run --quiet --example scale -- 500 2 > bench-out/scale-500x2.json
	@node scripts/bench-phase-in.mjs bench-out/scale-500x2.json

# The Plus board at scale: 12 Plus teachers × 40 weeks × 120 teachers; generating the year
# paints within 100 ms, every edit within 50 ms.
bench-board: tool-node tool-browser
	@mkdir -p bench-out
	@echo "→ Plus board at scale (12 Plus teachers × 40 weeks × 120 teachers)"
	@cargo run --quiet --example plus_scale -- 12 40 120 > bench-out/plus-12x40x120.json
	@node scripts/bench-board.mjs bench-out/plus-12x40x120.json

# Executive coaching at the seed's scale: 60 engagements × 150 contacts, every interaction
# within 50 ms.
bench-executive: tool-node tool-browser
	@mkdir -p bench-out
	@echo "→ Executive coaching at scale (60 engagements × 150 contacts)"
	@cargo run --quiet --example executive_scale -- 60 150 > bench-out/executive-60x150.json
	@node scripts/bench-executive.mjs bench-out/executive-60x150.json

# The coaching model at the issue's scale: 500 schools, 60 coaches, a roles matrix of 40 rows,
# every interaction within 50 ms.
bench-model: tool-node tool-browser
	@mkdir -p bench-out
	@echo "→ Coaching model at scale (500 schools, 60 coaches, 40 matrix rows)"
	@cargo run --quiet --example model_scale -- 500 60 40 > bench-out/model-500x60x40.json
	@node scripts/bench-model.mjs bench-out/model-500x60x40.json

# A district that outgrows 5 MB: 500 schools × 10 rounds, readiness plans, 30 filled Plus
# boards. Stored with 30 % of the quota free, loaded within 1 s, saved with no task over 50 ms.
bench-storage: tool-node tool-browser
	@mkdir -p bench-out
	@echo "→ Storage at scale (500 schools × 10 rounds, 30 Plus boards of 12 × 40 × 120)"
	@cargo run --quiet --release --example storage_size -- 500 10 30
	@cargo run --quiet --release --example storage_size -- 500 10 30 --stored > bench-out/stored-500x10x30.json
	@node scripts/bench-storage.mjs bench-out/stored-500x10x30.json

# What the main wasm (the code every route loads) is made of, by crate, module and function:
# the main file of the last split build, optimised as in dist/ but keeping its names.
wasm-sizes:
	@[ -f target/split/wasm/app.wasm ] || { echo "No target/split/wasm/app.wasm: run make dist first." >&2; exit 2; }
	@mkdir -p target/split/named
	@wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript --keep-debug \
	  --out-name app --out-dir target/split/named target/split/wasm/app.wasm
	@wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
	  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
	  target/split/named/app_bg.wasm -o target/split/named/app-named.wasm 2>&1 | grep -v 'unknown name subsection' || true
	@node scripts/wasm-sizes.mjs target/split/named/app-named.wasm 40

clean:
	rm -rf dist target/dist test-results playwright-report bench-out

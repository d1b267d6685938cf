package web

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/domstorage"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"signaal/bot"
	"signaal/flows"
	"signaal/store"
)

// The page in a real browser: headless Chromium (Debian's chromium),
// driven over the DevTools protocol. Every request stays on loopback: the
// browser resolves no name and sends anything not for loopback to a proxy
// of the test's own, which fails the test if it is ever asked.

var update = flag.Bool("update", false, "write the browser test's screenshots to docs/ too, for the README")

// screenshotsEnv names the directory the browser test keeps its
// screenshots in, as test artefacts; without it, web-chat-screenshots in
// the temporary directory.
const screenshotsEnv = "SIGNAAL_SCREENSHOTS"

// browser returns the path of a Chromium to drive, or skips the test when
// there is none, unless REQUIRE_BROWSER=1 (as in CI).
func browser(t *testing.T) string {
	t.Helper()
	// Debian's /usr/bin/chromium is a script that turns on Google's
	// services (it sets their API keys) and remote extensions: the
	// browser it starts calls home. The binary behind it does not.
	for _, name := range []string{"/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("REQUIRE_BROWSER") == "1" {
		t.Fatal("no Chromium on PATH, and REQUIRE_BROWSER=1: apt-get install chromium")
	}
	t.Skip("no Chromium on PATH, so the page is not tried in a browser (apt-get install chromium; REQUIRE_BROWSER=1 makes this a failure)")
	return ""
}

// trap stands where the browser sends every request that is not for
// loopback, and refuses it: nothing reaches another machine. The page's
// own requests are checked apart (checkNothingKept); what the trap stops
// is the browser's own background traffic (its component updater, its
// account check), which some builds keep up whatever the flags say.
type trap struct {
	mu    sync.Mutex
	asked []string
}

func (tr *trap) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	tr.mu.Lock()
	tr.asked = append(tr.asked, r.Method+" "+r.Host+r.URL.Path)
	tr.mu.Unlock()
	http.Error(w, "no request leaves loopback", http.StatusForbidden)
}

// watchedSessions tells the test when a session is deleted.
type watchedSessions struct {
	bot.Sessions
	deleted chan struct{}
}

func (w *watchedSessions) Delete(ctx context.Context, key store.Key) error {
	err := w.Sessions.Delete(ctx, key)
	select {
	case w.deleted <- struct{}{}:
	default:
	}
	return err
}

// seen is what the browser did that the test looks at afterwards: every
// request, and every write to local or session storage.
type seen struct {
	mu       sync.Mutex
	requests []string
	storage  []string
}

func (s *seen) record(ev any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		s.requests = append(s.requests, ev.Request.Method+" "+ev.Request.URL)
	case *domstorage.EventDomStorageItemAdded:
		s.storage = append(s.storage, "added "+ev.Key)
	case *domstorage.EventDomStorageItemUpdated:
		s.storage = append(s.storage, "updated "+ev.Key)
	}
}

func (s *seen) snapshot() (requests, storage []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.requests...), append([]string(nil), s.storage...)
}

// TestBrowser walks the page in Chromium as a young person on a phone
// would: the path to a referral by pressing buttons, with 112 on every
// question, a question typed, then Escape. The page must leave for the
// neutral site so that the back button does not return, the conversation
// must be gone on the server, and no cookie or storage entry may ever be
// written, nor any request leave the chat's own server. The same page in
// a partner's frame wipes the conversation when someone reads along,
// keeping one line, and leaves with the whole window on Escape. Screenshots at 360 and
// 1280 pixels wide are kept (in $SIGNAAL_SCREENSHOTS; -update writes the
// README's in docs/).
func TestBrowser(t *testing.T) {
	t.Parallel()
	exe := browser(t)

	tr := &trap{}
	trapSrv := httptest.NewServer(tr)
	t.Cleanup(trapSrv.Close)
	t.Cleanup(func() {
		tr.mu.Lock()
		defer tr.mu.Unlock()
		if len(tr.asked) > 0 {
			t.Logf("the browser's own requests, stopped on loopback: %q", tr.asked)
		}
	})
	neutral := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><title>Het weer</title><h1 id="weather">Het weer van vandaag</h1>`)
	}))
	t.Cleanup(neutral.Close)
	exitURL := neutral.URL + "/weer"
	// The partner's address is known before the chat is set up, since
	// the chat names it as a site that may frame it.
	partnerLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	partnerURL := "http://" + partnerLn.Addr().String()

	h := newHarness(t, func(s *Server) {
		s.ExitURL = exitURL
		s.FrameAncestors = []string{partnerURL}
	})
	watched := &watchedSessions{Sessions: h.mem, deleted: make(chan struct{}, 16)}
	h.d.Sessions = watched
	chat := httptest.NewServer(h.srv)
	t.Cleanup(chat.Close)
	partner := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><title>Partner</title><h1>Een partner</h1><iframe id="chat" src="%s/" title="Signaal" style="width:400px;height:600px;border:0"></iframe>`, chat.URL)
	}))
	partner.Listener.Close()
	partner.Listener = partnerLn
	partner.Start()
	t.Cleanup(partner.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 800),
		// The browser's language is Dutch: the page starts in it.
		chromedp.Flag("lang", "nl-NL"),
		chromedp.Flag("accept-lang", "nl-NL,nl"),
		// No name resolves, and whatever is not for loopback goes to the
		// trap: nothing this test does can reach another machine.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.Flag("proxy-server", trapSrv.URL),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,NetworkTimeServiceQuerying,CertificateTransparencyComponentUpdater"),
	)
	// The context bounds a test that hangs; what the page does is waited
	// for by events, not by time.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}

	t.Run("a page of its own", func(t *testing.T) {
		tab, cancel := chromedp.NewContext(bctx)
		defer cancel()
		var s seen
		watch(t, tab, &s)
		walk(t, h, tab, chat.URL+"/", watched)

		leaves(t, tab, exitURL, chromedp.KeyEvent(kb.Escape))
		select {
		case <-watched.deleted:
		case <-tab.Done():
			t.Fatal("the quick exit did not reach the server")
		}
		if n := h.mem.Len(); n != 0 {
			t.Errorf("%d sessions on the server after the quick exit, want none", n)
		}
		for _, e := range history(t, tab) {
			if strings.HasPrefix(e, chat.URL) {
				t.Errorf("after the quick exit the history still holds the chat (%q): the back button would return to it", e)
			}
		}
		checkNothingKept(t, tab, &s, chat.URL, neutral.URL)
	})

	t.Run("in a partner's frame", func(t *testing.T) {
		tab, cancel := chromedp.NewContext(bctx)
		defer cancel()
		var s seen
		watch(t, tab, &s)
		if err := chromedp.Do(tab,
			chromedp.EmulateViewport(1280, 800),
			chromedp.Navigate(partner.URL),
			chromedp.WaitVisible(chromedp.CSS("#chat")),
		); err != nil {
			t.Fatal(err)
		}
		before := h.mem.Len()
		frames, err := chromedp.Run(tab, chromedp.Nodes(chromedp.CSS("#chat")))
		if err != nil || len(frames) != 1 {
			t.Fatalf("the partner's frame: %v, %d nodes", err, len(frames))
		}
		inFrame := chromedp.FromNode(frames[0])
		h.clock.Add(3 * time.Second)
		// "Nee, iemand kan meekijken": the conversation is wiped on the
		// server, and only the line that says how to come back stays,
		// with a button to begin again.
		if err := chromedp.Do(tab,
			chromedp.WaitVisible(chromedp.CSS(`button[data-option="start/welcome/ok"]`), inFrame),
			chromedp.Click(chromedp.CSS(`button[data-option="start/welcome/ok"]`), inFrame),
			chromedp.WaitVisible(chromedp.CSS(`button[data-option="start/safe/no"]`), inFrame),
			chromedp.Click(chromedp.CSS(`button[data-option="start/safe/no"]`), inFrame),
			chromedp.WaitVisible(chromedp.CSS(`#options button[data-option=""]`), inFrame),
		); err != nil {
			t.Fatal(err)
		}
		select {
		case <-watched.deleted:
		case <-tab.Done():
			t.Fatal("'someone reads along' did not wipe the conversation on the server")
		}
		if lines, err := chromedp.Run(tab, chromedp.Nodes(chromedp.CSS("#log li"), inFrame)); err != nil || len(lines) != 1 {
			t.Errorf("after 'someone reads along' the frame shows %d messages (%v), want the one line", len(lines), err)
		}
		// Escape: the whole window leaves, not only the frame.
		leaves(t, tab, exitURL, chromedp.KeyEvent(kb.Escape))
		if n := h.mem.Len(); n != before {
			t.Errorf("%d sessions on the server after leaving the frame, want %d as before it began", n, before)
		}
		for _, e := range history(t, tab) {
			if strings.HasPrefix(e, partner.URL) || strings.HasPrefix(e, chat.URL) {
				t.Errorf("after the quick exit the history still holds %q: the back button would return to the chat", e)
			}
		}
		checkNothingKept(t, tab, &s, chat.URL, neutral.URL, partner.URL)
	})
}

// watch records the requests and storage writes of the tab.
func watch(t *testing.T, tab context.Context, s *seen) {
	t.Helper()
	if _, err := chromedp.Call(tab, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab, domstorage.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Listen(tab, s.record); err != nil {
		t.Fatal(err)
	}
}

// walk opens the page at url and goes the path to a referral by pressing
// its buttons, checking at every question that 112 and the quick exit are
// in sight and that nothing is kept in the browser; then it types a
// question, and takes the screenshots.
func walk(t *testing.T, h *harness, tab context.Context, url string, watched *watchedSessions) {
	t.Helper()
	if err := chromedp.Do(tab,
		chromedp.EmulateViewport(360, 740, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`button[data-option="start/welcome/ok"]`)),
	); err != nil {
		t.Fatal(err)
	}
	if lang, err := chromedp.Run(tab, chromedp.Evaluate[string](`document.documentElement.lang`)); err != nil || lang != "nl" {
		t.Errorf("the page opened in %q (%v), want nl, the browser's language", lang, err)
	}
	// Opening the page stores nothing: the conversation begins with the
	// first press.
	if n := h.mem.Len(); n != 0 {
		t.Errorf("%d sessions after opening the page, want none", n)
	}
	inSight(t, tab, "the welcome")
	for i, option := range pathToReferral {
		next := `button[data-option="` + flows.DataRestart + `"]`
		if i+1 < len(pathToReferral) {
			next = `button[data-option="` + pathToReferral[i+1] + `"]`
		}
		h.clock.Add(3 * time.Second) // a person reads before pressing
		press := chromedp.Click(chromedp.CSS(`button[data-option="` + option + `"]`))
		if option == "start/safe/yes" {
			// By keyboard: the answer pressed before is gone, so the
			// focus is on the first answer of this question, this one.
			focused, err := chromedp.Run(tab, chromedp.Evaluate[string](`document.activeElement.dataset.option || ''`))
			if err != nil || focused != option {
				t.Fatalf("after the first press the focus is on %q (%v), want %s", focused, err, option)
			}
			press = chromedp.KeyEvent(kb.Enter)
		}
		if err := chromedp.Do(tab, press, chromedp.WaitVisible(chromedp.CSS(next))); err != nil {
			t.Fatalf("pressing %s: %v", option, err)
		}
		inSight(t, tab, "after "+option)
		if option == "jong/age/under18" {
			shot(t, tab, "web-chat-360.png")
			narrowest(t, tab)
		}
	}
	ending, err := chromedp.Run(tab, chromedp.Evaluate[string](`[...document.querySelectorAll('#log li.bot')].pop().textContent`))
	if err != nil || !strings.Contains(ending, "Chat met Fier") || !strings.Contains(ending, "0800-2000") {
		t.Errorf("the ending reads %q (%v), want the referral to Chat met Fier and Veilig Thuis", ending, err)
	}
	// A question typed: its answer's number is a link one can tap.
	h.clock.Add(3 * time.Second)
	if err := chromedp.Do(tab,
		chromedp.SendKeys(chromedp.CSS("#text"), "wat is het nummer van veilig thuis"),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(chromedp.CSS(`#log li.bot:last-child a[href="tel:08002000"]`)),
	); err != nil {
		t.Fatalf("typing a question: %v", err)
	}
	if me, err := chromedp.Run(tab, chromedp.Evaluate[string](`[...document.querySelectorAll('#log li.me')].pop().textContent`)); err != nil || !strings.Contains(me, "wat is het nummer van veilig thuis") {
		t.Errorf("the typed question shows as %q (%v)", me, err)
	}
	inSight(t, tab, "after a typed question")
	if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	shot(t, tab, "web-chat-1280.png")
	if n := h.mem.Len(); n != 1 {
		t.Errorf("%d sessions while talking, want 1", n)
	}
}

// inSight checks that 112 and the quick exit are on screen, and that the
// browser keeps nothing: no cookie, nothing in local or session storage.
func inSight(t *testing.T, tab context.Context, where string) {
	t.Helper()
	const check = `(() => {
		const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
		const sos = document.querySelector('button[data-option="!sos"]');
		return {
			sos: visible(sos) && sos.textContent.includes('112'),
			exit: visible(document.getElementById('exit')),
			cookie: document.cookie,
			local: localStorage.length,
			session: sessionStorage.length,
		};
	})()`
	type state struct {
		SOS     bool   `json:"sos"`
		Exit    bool   `json:"exit"`
		Cookie  string `json:"cookie"`
		Local   int    `json:"local"`
		Session int    `json:"session"`
	}
	got, err := chromedp.Run(tab, chromedp.Evaluate[state](check))
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	if !got.SOS || !got.Exit {
		t.Errorf("%s: 112 on screen %v, the quick exit on screen %v; want both", where, got.SOS, got.Exit)
	}
	if got.Cookie != "" || got.Local != 0 || got.Session != 0 {
		t.Errorf("%s: cookie %q, %d in local storage, %d in session storage; want nothing kept", where, got.Cookie, got.Local, got.Session)
	}
}

// narrowest checks the page at 320 pixels wide, the narrowest phone: it
// does not scroll sideways, and the quick exit, 112, the text field and
// the send button are all on screen.
func narrowest(t *testing.T, tab context.Context) {
	t.Helper()
	if err := chromedp.Do(tab, chromedp.EmulateViewport(320, 568, chromedp.EmulateScale(2), chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	const check = `(() => {
		const inside = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight; };
		return document.documentElement.scrollWidth <= innerWidth &&
			['exit', 'text', 'send'].every((id) => inside(document.getElementById(id))) &&
			inside(document.querySelector('button[data-option="!sos"]'));
	})()`
	if ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](check)); err != nil || !ok {
		t.Errorf("at 320 pixels the page scrolls sideways or hides a control (%v)", err)
	}
	if err := chromedp.Do(tab, chromedp.EmulateViewport(360, 740, chromedp.EmulateScale(2), chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
}

// leaves runs the actions, which must make the tab leave for url, and
// waits until the window shows it.
func leaves(t *testing.T, tab context.Context, url string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	navigated := chromedp.Events(tab, page.FrameNavigated)
	if err := chromedp.Do(tab, actions...); err != nil {
		t.Fatal(err)
	}
	for ev, err := range navigated {
		if err != nil {
			loc, _ := chromedp.Run(tab, chromedp.Location())
			t.Fatalf("the window did not leave for %s (it is at %s): %v", url, loc, err)
		}
		if ev.Frame.ParentID == "" && ev.Frame.URL == url {
			break
		}
	}
	if err := chromedp.Do(tab, chromedp.WaitVisible(chromedp.CSS("#weather"))); err != nil {
		t.Fatal(err)
	}
}

// history lists the URLs of the tab's history.
func history(t *testing.T, tab context.Context) []string {
	t.Helper()
	res, err := chromedp.Call(tab, page.GetNavigationHistory, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, e := range res.Entries {
		urls = append(urls, e.URL)
	}
	return urls
}

// checkNothingKept checks, after the fact, that the browser holds no
// cookie and wrote no storage entry, and that the tab asked nothing of any
// server but the test's own (the chat, the neutral page, the partner).
func checkNothingKept(t *testing.T, tab context.Context, s *seen, origins ...string) {
	t.Helper()
	cookies, err := chromedp.Call(tab, storage.GetCookies, storage.GetCookiesParams{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cookies.Cookies {
		t.Errorf("the browser keeps a cookie %s for %s", c.Name, c.Domain)
	}
	dbs, err := chromedp.Run(tab, chromedp.Evaluate[int](`indexedDB.databases().then(d => d.length)`, chromedp.EvalAwaitPromise))
	if err != nil || dbs != 0 {
		t.Errorf("IndexedDB databases: %d (%v), want none", dbs, err)
	}
	requests, writes := s.snapshot()
	for _, w := range writes {
		t.Errorf("the page wrote to storage: %s", w)
	}
	if len(requests) == 0 {
		t.Fatal("no request was seen, so this test saw less than it should")
	}
next:
	for _, r := range requests {
		for _, o := range origins {
			if strings.Contains(r, " "+o+"/") {
				continue next
			}
		}
		t.Errorf("the tab asked %s, which is none of the test's servers", r)
	}
	t.Logf("requests: %q", requests)
}

// shot takes a screenshot of what the tab shows and keeps it: in the
// screenshots directory, and with -update in docs/ for the README.
func shot(t *testing.T, tab context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv(screenshotsEnv)
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "web-chat-screenshots")
	}
	dirs := []string{dir}
	if *update {
		dirs = append(dirs, filepath.Join("..", "..", "docs"))
	}
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(d, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", p)
	}
}

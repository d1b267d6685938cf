package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"image/png"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"signaal/bot/telegram/tgtest"
	"signaal/content"
	"signaal/internal/testmodels"
)

// The test user; the logs are searched for her id and names.
var tgUser = tgtest.User{ID: 987651001, FirstName: "Dana", Username: "dana_secret_name", LanguageCode: "nl"}

// build builds the signaalbot binary once for all tests that run it, with
// scripts/build, as the Dockerfile does: the tests run what the image
// ships. CI builds it before the tests and names it in SIGNAAL_BINARY.
//
// The binary's first start reads its models from binaryModels, the
// tests' model cache, as a new build of the bot on unchanged content
// does: scripts/build starts it to lint what it carries, and a binary
// given is started here for that. The models are kept by what decides
// them, so it reads what this process, the tests of other packages or a
// run before trained, and trains (and keeps) them only when none did.
// TestBinaryKeepsModels shows a start on an empty MODEL_CACHE of its own.
var build = sync.OnceValues(func() (string, error) {
	env := append(os.Environ(), "MODEL_CACHE="+binaryModels)
	if p := os.Getenv("SIGNAAL_BINARY"); p != "" {
		bin, err := filepath.Abs(p)
		if err == nil {
			lint := exec.Command(bin, "lint")
			lint.Env = env
			_ = lint.Run()
		}
		return bin, err
	}
	// Go keeps its build cache in the user's cache directory too, unless
	// GOCACHE says where: it stays where it is.
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOCACHE: %w", err)
	}
	env = append(env, "GOCACHE="+strings.TrimSpace(string(gocache)))
	dir, err := os.MkdirTemp("", "signaalbot-test-")
	if err != nil {
		return "", err
	}
	builtDir = dir
	// Reachable by every user, for the test that runs it as an
	// unprivileged one.
	if err := os.Chmod(dir, 0o755); err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "signaalbot")
	cmd := exec.Command("../../scripts/build", bin)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("scripts/build: %w\n%s", err, out)
	}
	return bin, nil
})

// withModelCache is env with MODEL_CACHE=dir, unless env sets one.
func withModelCache(env []string, dir string) []string {
	for _, kv := range env {
		if strings.HasPrefix(kv, "MODEL_CACHE=") {
			return env
		}
	}
	return append(env[:len(env):len(env)], "MODEL_CACHE="+dir)
}

var (
	builtDir string      // the directory build made, removed at the end; "" when the binary was given
	building atomic.Bool // whether build was called
	// modelCache is the MODEL_CACHE of the commands run in this
	// process, binaryModels that of the binary: both the tests' model
	// cache (see testmodels), shared with the tests of other packages
	// and with the runs before, or "off" when there is none. A model is
	// kept by what decides it, not by the executable that trained it, so
	// the binary and this process read the same files.
	modelCache, binaryModels string
)

func buildBinary(t *testing.T) string {
	t.Helper()
	building.Store(true)
	bin, err := build()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

func TestMain(m *testing.M) {
	flag.Parse()
	// The models the binaries and the commands run in this process
	// train are kept in the tests' model cache, not in the bot's own
	// in the user's cache directory (see testEnv and withModelCache).
	modelCache = testmodels.Dir()
	if modelCache == "" {
		modelCache = "off"
	}
	binaryModels = modelCache
	if flag.Lookup("test.run").Value.String() == "" {
		// Building takes a second or two: have it done while the tests
		// that do not need the binary run. A run of chosen tests builds
		// only when one of them asks.
		building.Store(true)
		go build()
	}
	code := m.Run()
	if building.Load() {
		_, _ = build() // finish a build still going before its directory goes
		if builtDir != "" {
			os.RemoveAll(builtDir)
		}
	}
	os.Exit(code)
}

// freeAddr returns a loopback address nothing listens on right now.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// TestServeBinary runs `signaalbot serve` itself against a fake Bot API on
// loopback: a conversation, an inline query with the real search, then
// SIGTERM, after which it must finish and exit 0.
func TestServeBinary(t *testing.T) {
	t.Parallel()
	bin := buildBinary(t)
	for _, mode := range []string{"polling", "webhook"} {
		t.Run(mode, func(t *testing.T) {
			// Most of each run is waiting out Telegram's one message a
			// second per chat; the two modes can wait side by side.
			t.Parallel()
			srv := tgtest.New(t)
			args := []string{"serve", "--poll-timeout", "1s", "--shutdown-timeout", "5s", "--admin-addr", freeAddr(t)}
			if mode == "webhook" {
				addr := freeAddr(t)
				args = append(args, "--webhook-url", "http://"+addr+"/telegram", "--listen", addr)
			}
			cmd := exec.Command(bin, args...)
			cmd.Env = []string{
				"MODEL_CACHE=" + binaryModels,
				"TELEGRAM_BOT_TOKEN=" + tgtest.Token,
				"TELEGRAM_API_ENDPOINT=" + srv.Endpoint(),
				"LOG_LEVEL=debug",
				"PATH=" + os.Getenv("PATH"),
			}
			var stderr bytes.Buffer
			cmd.Stdout = &stderr
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			t.Cleanup(func() {
				if cmd.ProcessState == nil {
					_ = cmd.Process.Kill()
					<-exited
				}
			})

			srv.Await(t, 10*time.Second, "the bot to start", func() bool {
				if mode == "webhook" {
					u, _ := srv.Webhook()
					return u != ""
				}
				return len(srv.Calls("getUpdates")) > 0
			})
			chat := tgtest.PrivateChat(tgUser)
			srv.SendText(chat, tgUser, "/start")
			srv.Await(t, 10*time.Second, "the welcome with the privacy note", func() bool { return len(srv.BotMessages(tgUser.ID)) == 1 })
			welcome := srv.BotMessages(tgUser.ID)[0]
			if len(welcome.Buttons) == 0 {
				t.Fatalf("welcome %q has no buttons", welcome.Text)
			}
			c, err := content.Default()
			if err != nil {
				t.Fatal(err)
			}
			if privacy := c.Text(content.DefaultLang, content.KeyPrivacy); !strings.Contains(welcome.Text, privacy) {
				t.Errorf("welcome %q, want the privacy note %q in it", welcome.Text, privacy)
			}
			q := srv.Press(chat, tgUser, welcome.ID, welcome.Buttons[0][0].Data)
			srv.Await(t, 10*time.Second, "the next question", func() bool { return srv.Answered(q) && len(srv.BotMessages(tgUser.ID)) == 2 })
			iq := srv.InlineQuery(tgUser, "keerpunt")
			srv.Await(t, 10*time.Second, "the inline answer", func() bool { _, ok := srv.InlineAnswer(iq); return ok })
			if results, _ := srv.InlineAnswer(iq); len(results) == 0 || !strings.Contains(results[0].Text, "Keerpunt") {
				t.Errorf("inline results for keerpunt = %+v, want Keerpunt first", results)
			}

			// A message still being answered when SIGTERM comes is finished.
			srv.Inject(tgtest.Fault{Method: "sendMessage", Delay: 300 * time.Millisecond})
			srv.SendText(chat, tgUser, "/help")
			srv.Await(t, 10*time.Second, "the /help update to be taken", func() bool { return srv.Pending() == 0 })
			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-exited:
				if err != nil {
					t.Fatalf("signaalbot serve after SIGTERM: %v, want exit 0\n%s", err, stderr.String())
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("signaalbot serve did not exit within 10s of SIGTERM\n%s", stderr.String())
			}
			if n := len(srv.BotMessages(tgUser.ID)); n < 3 {
				t.Errorf("after SIGTERM, %d bot messages, want at least 3: the /help in flight is answered", n)
			}

			logs := stderr.String()
			if !strings.Contains(logs, "telegram bot started") || !strings.Contains(logs, "telegram bot stopped") {
				t.Errorf("logs lack the start and stop lines:\n%s", logs)
			}
			for _, secret := range []string{tgtest.Token, "AAtest-token", "987651001", tgUser.Username, tgUser.FirstName, "keerpunt"} {
				if strings.Contains(logs, secret) {
					t.Errorf("logs contain %q, which must never be logged:\n%s", secret, logs)
				}
			}
		})
	}
}

func serveApp(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: testEnv(env)}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	code = a.run(ctx, args)
	return code, out.String(), errb.String()
}

func TestServeConfig(t *testing.T) {
	srv := tgtest.New(t)
	ok := map[string]string{"TELEGRAM_BOT_TOKEN": tgtest.Token, "TELEGRAM_API_ENDPOINT": srv.Endpoint(), "ADMIN_ADDR": "127.0.0.1:0"}
	for _, tc := range []struct {
		name    string
		env     map[string]string
		args    []string
		wantErr string
	}{
		{"no token", map[string]string{}, nil, "TELEGRAM_BOT_TOKEN is not set"},
		{"bad endpoint", map[string]string{"TELEGRAM_BOT_TOKEN": "1:x", "TELEGRAM_API_ENDPOINT": "http://127.0.0.1:1/bot"}, nil, "must hold two %s"},
		{"wrong token", map[string]string{"TELEGRAM_BOT_TOKEN": "1:wrong-token-value", "TELEGRAM_API_ENDPOINT": srv.Endpoint(), "ADMIN_ADDR": "127.0.0.1:0"}, nil, "rejected the token"},
		{"webhook without https or http", ok, []string{"--webhook-url", "ftp://example.org/x", "--listen", "127.0.0.1:0"}, "not an absolute http(s) URL"},
		{"extra argument", ok, []string{"now"}, "unexpected arguments"},
		{"session secret of spaces", map[string]string{"TELEGRAM_BOT_TOKEN": "1:x", "REDIS_URL": "redis://127.0.0.1:1/0", "SESSION_SECRET": strings.Repeat(" ", 40)}, nil, "SESSION_SECRET is only white space"},
		{"session secret of one letter", map[string]string{"TELEGRAM_BOT_TOKEN": "1:x", "REDIS_URL": "redis://127.0.0.1:1/0", "SESSION_SECRET": strings.Repeat("a", 32)}, nil, "SESSION_SECRET is one character repeated 32 times"},
		{"webhook secret of one letter", map[string]string{"TELEGRAM_BOT_TOKEN": "1:x", "TELEGRAM_WEBHOOK_SECRET": strings.Repeat("b", 32)}, []string{"--webhook-url", "https://bot.example.org/tg"}, "TELEGRAM_WEBHOOK_SECRET is one character repeated 32 times"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := serveApp(t, tc.env, append([]string{"serve"}, tc.args...)...)
			if code != 1 || !strings.Contains(stderr, tc.wantErr) {
				t.Errorf("serve %v = exit %d, %q; want exit 1 saying %q", tc.args, code, stderr, tc.wantErr)
			}
			for _, secret := range []string{"wrong-token-value", "aaaaaaaa", "bbbbbbbb"} {
				if strings.Contains(stderr, secret) {
					t.Errorf("serve %v printed a secret: %q", tc.args, stderr)
				}
			}
		})
	}
}

// TestServeLogsJSON checks that serve, unlike the terminal chat, writes its
// log as JSON lines from info up, for a log collector, and only to stderr.
// The token is wrong so that serve stops right after wiring.
func TestServeLogsJSON(t *testing.T) {
	srv := tgtest.New(t)
	env := map[string]string{"TELEGRAM_BOT_TOKEN": "1:wrong-token-value", "TELEGRAM_API_ENDPOINT": srv.Endpoint(), "ADMIN_ADDR": "127.0.0.1:0"}
	code, stdout, stderr := serveApp(t, env, "serve")
	if code != 1 || stdout != "" {
		t.Fatalf("serve with a wrong token = exit %d, stdout %q; want 1 and nothing", code, stdout)
	}
	first, _, _ := strings.Cut(stderr, "\n")
	var line struct{ Level, Msg string }
	if err := json.Unmarshal([]byte(first), &line); err != nil {
		t.Fatalf("serve log line %q is not JSON: %v", first, err)
	}
	if line.Level != "INFO" || !strings.HasPrefix(line.Msg, "sessions are kept in memory") {
		t.Errorf("serve first log line = %+v, want level INFO saying sessions are kept in memory", line)
	}
}

func TestQR(t *testing.T) {
	t.Parallel() // each run loads and checks the content
	dir := t.TempDir()
	out := filepath.Join(dir, "prof.png")
	code, stdout, stderr := serveApp(t, nil, "qr", "--username", "@signaal_test_bot", "--out", out, "prof")
	if code != 0 {
		t.Fatalf("qr prof = exit %d: %s", code, stderr)
	}
	if want := "https://t.me/signaal_test_bot?start=prof"; !strings.Contains(stdout, want) {
		t.Errorf("qr prof printed %q, want the link %s", stdout, want)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("qr prof wrote no PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 512 || b.Dy() != 512 {
		t.Errorf("QR image is %dx%d, want 512x512", b.Dx(), b.Dy())
	}

	for _, tc := range []struct {
		name    string
		env     map[string]string
		args    []string
		wantErr string
	}{
		{"from env", map[string]string{"TELEGRAM_BOT_USERNAME": "signaal_test_bot"}, []string{"--out", filepath.Join(dir, "j.png"), "jong"}, ""},
		{"unknown flow", nil, []string{"--username", "signaal_test_bot", "poster"}, "not a flow"},
		{"start flow", nil, []string{"--username", "signaal_test_bot", "start"}, "not a flow"},
		{"no flow", nil, []string{"--username", "signaal_test_bot"}, "name one flow"},
		{"no username", nil, []string{"prof"}, "--username"},
		{"not a bot", nil, []string{"--username", "signaal", "prof"}, "not a bot username"},
		{"tiny", nil, []string{"--username", "signaal_test_bot", "--size", "8", "prof"}, "--size"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := serveApp(t, tc.env, append([]string{"qr"}, tc.args...)...)
			if tc.wantErr == "" {
				if code != 0 {
					t.Errorf("qr %v = exit %d, %q; want exit 0", tc.args, code, stderr)
				}
				return
			}
			if code != 1 || !strings.Contains(stderr, tc.wantErr) {
				t.Errorf("qr %v = exit %d, %q; want exit 1 saying %q", tc.args, code, stderr, tc.wantErr)
			}
		})
	}
}

package main

import (
	"debug/buildinfo"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"signaal/bot/telegram/tgtest"
	"signaal/internal/syncbuf"
)

// No container engine runs where the tests do, so the image's assumptions
// are proved on the binary itself: what the Dockerfile copies into a
// distroless image (no libc, no shell, no files but the binary, a user id
// without a home, no environment but the settings) must be enough.

// nonroot is distroless's unprivileged user and group.
const nonroot = 65532

// TestStaticBinary checks that the binary scripts/build makes needs
// nothing from the system it runs on: no dynamic loader, no shared
// library, cgo off, and built the way the script says.
func TestStaticBinary(t *testing.T) {
	t.Parallel() // waits for the build, which the tests before it need not
	bin := buildBinary(t)
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Errorf("%s has a %v program header: it is not static", bin, p.Type)
		}
	}
	if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("%s needs shared libraries %v", bin, libs)
	}
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if settings["CGO_ENABLED"] != "0" || settings["-trimpath"] != "true" {
		t.Errorf("build settings CGO_ENABLED=%q -trimpath=%q; want 0 and true, as scripts/build sets", settings["CGO_ENABLED"], settings["-trimpath"])
	}
	// With -trimpath Go does not record -ldflags; that -s took effect
	// shows in the missing symbol table.
	if f.Section(".symtab") != nil {
		t.Errorf("%s has a symbol table; scripts/build strips it (-ldflags -s)", bin)
	}
}

// TestShippedBinary runs the binary as the image does: as user 65532,
// from an empty directory it owns, with an empty environment apart from
// its settings and MODEL_CACHE, which holds the models the build's lint
// trained, owned by root. It must serve a conversation, answer
// `signaalbot healthcheck` with exit 0 for the HEALTHCHECK, and lint the
// content it carries, reading those models instead of training them. Switching users needs root, as CI has; elsewhere the test
// skips unless REQUIRE_IMAGE_CHECK=1 (set by .ci/run).
func TestShippedBinary(t *testing.T) {
	if os.Geteuid() != 0 {
		if os.Getenv("REQUIRE_IMAGE_CHECK") == "1" {
			t.Fatal("running as user 65532 needs root (REQUIRE_IMAGE_CHECK=1 is set)")
		}
		t.Skip("running as user 65532 needs root; CI runs this (REQUIRE_IMAGE_CHECK=1)")
	}
	t.Parallel()
	bin := buildBinary(t)
	home, err := os.MkdirTemp("", "signaal-nonroot-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(home) })
	if err := os.Chown(home, nonroot, nonroot); err != nil {
		t.Fatal(err)
	}
	asNonroot := func(cmd *exec.Cmd) {
		cmd.Dir = home
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nonroot, Gid: nonroot, Groups: []uint32{}}}
	}

	// The build stage's lint trains the models as root, and the image
	// carries them readable by everyone (see the Dockerfile).
	models, err := os.MkdirTemp("", "signaal-image-models-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(models) })
	train := exec.Command(bin, "lint")
	train.Env = []string{"MODEL_CACHE=" + models}
	if out, err := train.CombinedOutput(); err != nil || !strings.Contains(string(out), "models: trained at this start") {
		t.Fatalf("signaalbot lint as the build runs it = %v, %q; want the models trained", err, out)
	}
	err = filepath.WalkDir(models, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if d.IsDir() {
			mode = 0o755
		}
		return os.Chmod(path, mode) // chmod -R a+rX
	})
	if err != nil {
		t.Fatal(err)
	}

	srv := tgtest.New(t)
	bot := &running{t: t, out: &syncbuf.Buffer{}, admin: freeAddr(t), exited: make(chan error, 1)}
	bot.cmd = exec.Command(bin, "serve", "--poll-timeout", "1s")
	bot.cmd.Env = []string{"TELEGRAM_BOT_TOKEN=" + tgtest.Token, "TELEGRAM_API_ENDPOINT=" + srv.Endpoint(), "ADMIN_ADDR=" + bot.admin, "MODEL_CACHE=" + models}
	bot.cmd.Stdout, bot.cmd.Stderr = bot.out, bot.out
	asNonroot(bot.cmd)
	bot.start()
	lint := exec.Command(bin, "lint")
	lint.Env = []string{"MODEL_CACHE=" + models}
	asNonroot(lint)
	var lintOut []byte
	var lintErr error
	linted := make(chan struct{})
	go func() {
		defer close(linted)
		lintOut, lintErr = lint.CombinedOutput()
	}()
	bot.awaitReady()
	if uid := processUID(t, bot.cmd.Process.Pid); uid != "65532" {
		t.Fatalf("signaalbot serve runs as user %s, want 65532", uid)
	}

	user := tgtest.User{ID: 987653001, FirstName: "Ila", LanguageCode: "nl"}
	srv.SendText(tgtest.PrivateChat(user), user, "/start")
	bot.await("the welcome", func() bool { return len(srv.BotMessages(user.ID)) > 0 })

	health := exec.Command(bin, "healthcheck")
	health.Env = []string{"ADMIN_ADDR=" + bot.admin}
	asNonroot(health)
	if out, err := health.CombinedOutput(); err != nil || !strings.Contains(string(out), "ok") {
		t.Errorf("signaalbot healthcheck as user 65532 = %v, %q; want exit 0 saying %q", err, out, "ok")
	}
	<-linted
	if lintErr != nil || !strings.Contains(string(lintOut), "content is valid") || !strings.Contains(string(lintOut), "models: 4 read from "+models) {
		t.Errorf("signaalbot lint as user 65532 = %v, %q; want exit 0 saying %q, with the image's 4 models read", lintErr, lintOut, "content is valid")
	}
	if got := sample(bot.scrape(), "signaal_sessions_started_total", "channel", "telegram"); got != 1 {
		t.Errorf("signaal_sessions_started_total = %v, want 1", got)
	}
	bot.stop()
	if entries, _ := os.ReadDir(home); len(entries) != 0 {
		t.Errorf("signaalbot wrote into its working directory: %v; the image's root is read-only", entries)
	}
}

// processUID returns the real user id of a running process.
func processUID(t *testing.T, pid int) string {
	t.Helper()
	raw, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, "Uid:"); ok {
			if f := strings.Fields(rest); len(f) > 0 {
				return f[0]
			}
		}
	}
	t.Fatalf("no Uid line in /proc/%d/status", pid)
	return ""
}

// Package redistest starts a real redis-server for tests, the way
// consul's sdk/testutil starts the real consul: on a free loopback port, in
// a temporary directory, stopped when the test ends. Tests that talk to
// Redis run against the real thing rather than a fake, so that what they
// check (scripts, expiry, pipelines, reconnects) is what production does.
//
// The binary is looked up as $REDIS_SERVER or else "redis-server" on PATH.
// Without it the tests that need it are skipped, unless REQUIRE_REDIS=1, which
// CI sets so that a missing install fails instead of passing silently.
package redistest

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// startTimeout bounds how long a server may take to answer PING. A fresh
// redis-server without persistence answers within milliseconds; the margin
// is for loaded CI machines and the race detector.
const startTimeout = 10 * time.Second

// Server is a running redis-server owned by one test.
type Server struct {
	tb   testing.TB
	bin  string
	dir  string
	port int
	args []string

	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan struct{} // closed when cmd has exited
}

// Start starts redis-server on a free port of 127.0.0.1 with persistence
// off and returns once it answers PING. Extra arguments are passed on the
// command line, e.g. "--requirepass", "secret". The server is stopped in
// t.Cleanup.
func Start(tb testing.TB, args ...string) *Server {
	tb.Helper()
	bin, err := lookBinary()
	if err != nil {
		if os.Getenv("REQUIRE_REDIS") == "1" {
			tb.Fatalf("redistest: %v (REQUIRE_REDIS=1 is set)", err)
		}
		tb.Skipf("redistest: %v; install it with `apt-get install redis-server` or set REDIS_SERVER to its path (set REQUIRE_REDIS=1 to fail instead of skipping)", err)
	}
	s := &Server{tb: tb, bin: bin, dir: tb.TempDir(), args: args}
	tb.Cleanup(s.Stop)

	// A port picked by listening on :0 can be taken by someone else before
	// redis-server binds it, so a failed start is retried on a new port.
	var lastErr error
	for range 5 {
		s.port, err = freePort()
		if err != nil {
			tb.Fatalf("redistest: %v", err)
		}
		if lastErr = s.start(); lastErr == nil {
			return s
		}
	}
	tb.Fatalf("redistest: %v", lastErr)
	return nil
}

// Addr returns host:port of the server.
func (s *Server) Addr() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(s.port)) }

// URL returns a redis:// URL for the server, without a password.
func (s *Server) URL() string { return "redis://" + s.Addr() + "/0" }

// Stop stops the server and waits for it to exit. Stopping a stopped server
// does nothing. Data is lost: persistence is off.
func (s *Server) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd == nil {
		return
	}
	// A paused server would not act on SIGTERM.
	_ = s.cmd.Process.Signal(syscall.SIGCONT)
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
	s.cmd = nil
}

// Pause freezes the server with SIGSTOP: connections still open, but
// nothing answers, which is how a hung or overloaded server or a network that
// drops packets looks to a client. Resume undoes it; Stop resumes first.
func (s *Server) Pause() { s.signal(syscall.SIGSTOP) }

// Resume lets a paused server go on.
func (s *Server) Resume() { s.signal(syscall.SIGCONT) }

func (s *Server) signal(sig syscall.Signal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd == nil {
		s.tb.Fatalf("redistest: signal %v: server is not running", sig)
	}
	if err := s.cmd.Process.Signal(sig); err != nil {
		s.tb.Fatalf("redistest: signal %v: %v", sig, err)
	}
}

// Restart stops the server if it runs and starts it again on the same port,
// as an operator restarting Redis would; clients keep their address. The
// new server starts empty.
func (s *Server) Restart() {
	s.tb.Helper()
	s.Stop()
	// The old socket may linger for a moment after the process exits; the
	// port is ours, so wait for it rather than move.
	deadline := time.Now().Add(startTimeout)
	for {
		err := s.start()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			s.tb.Fatalf("redistest: restart: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// start runs redis-server on s.port and waits until it answers PING.
func (s *Server) start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	logPath := filepath.Join(s.dir, "redis.log")
	args := append([]string{
		"--port", strconv.Itoa(s.port),
		"--bind", "127.0.0.1",
		"--dir", s.dir,
		"--save", "",
		"--appendonly", "no",
		"--daemonize", "no",
		"--logfile", logPath,
		// Redis acts on SIGTERM in its timer, which runs hz times a
		// second: at the default of 10, every Stop (and so every test's
		// cleanup and every Restart) waited about 100 ms for it. At 100
		// it stops within about 10 ms; nothing else a test sees changes,
		// as the timer's other work (expiry, client time-outs) only
		// happens more promptly.
		"--hz", "100",
	}, s.args...)
	cmd := exec.Command(s.bin, args...)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", s.bin, err)
	}
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(done)
	}()

	deadline := time.Now().Add(startTimeout)
	for {
		select {
		case <-done:
			return fmt.Errorf("redis-server on port %d exited at start; log:\n%s", s.port, tail(logPath))
		default:
		}
		if ping(s.Addr(), time.Second) == nil {
			s.cmd, s.done = cmd, done
			return nil
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			<-done
			return fmt.Errorf("redis-server on port %d did not answer PING within %v; log:\n%s", s.port, startTimeout, tail(logPath))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// ping sends an inline PING and waits up to wait for the answer. An answer
// of any kind, even -NOAUTH from a server with a password, means the
// server is up and serving.
func ping(addr string, wait time.Duration) error {
	c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(wait))
	if _, err := c.Write([]byte("PING\r\n")); err != nil {
		return err
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return err
	}
	if line == "" || (line[0] != '+' && line[0] != '-') {
		return fmt.Errorf("unexpected answer to PING: %q", line)
	}
	if strings.HasPrefix(line, "-LOADING") {
		return errors.New("server still loading")
	}
	return nil
}

func lookBinary() (string, error) {
	if p := os.Getenv("REDIS_SERVER"); p != "" {
		return p, nil
	}
	p, err := exec.LookPath("redis-server")
	if err != nil {
		return "", errors.New("redis-server not found on PATH")
	}
	return p, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// tail returns the end of the server log, for failure messages.
func tail(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return "(no log: " + err.Error() + ")"
	}
	const max = 2000
	if len(b) > max {
		b = b[len(b)-max:]
	}
	return string(b)
}

// RecoverTries bounds the calls a client makes before it serves again once
// Redis is back: each failed call drops a connection to the server that
// went away (the pool holds at most 10 a CPU), and none dials in vain, as
// the few calls of a test while Redis is away never trip go-redis's pause
// on failing dials.
const RecoverTries = 64

// Recovered calls try until it succeeds, as a user writes again, failing
// the test when it has not after a bounded number of calls. The order,
// Redis back and then calls, is what is checked; no clock is.
func Recovered(tb testing.TB, try func() error) {
	tb.Helper()
	var err error
	for range RecoverTries {
		if err = try(); err == nil {
			return
		}
	}
	tb.Fatalf("not serving after %d calls since Redis came back: %v", RecoverTries, err)
}

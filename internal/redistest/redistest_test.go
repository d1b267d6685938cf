package redistest

import (
	"bufio"
	"net"
	"strings"
	"testing"
	"time"
)

func TestStartStopRestart(t *testing.T) {
	s := Start(t)
	if err := ping(s.Addr(), time.Second); err != nil {
		t.Fatalf("ping(%s) after Start = %v, want nil", s.Addr(), err)
	}
	if got := s.URL(); !strings.HasPrefix(got, "redis://127.0.0.1:") {
		t.Errorf("URL() = %q, want redis://127.0.0.1:<port>/0", got)
	}

	s.Stop()
	if err := ping(s.Addr(), time.Second); err == nil {
		t.Fatalf("ping(%s) after Stop = nil, want an error", s.Addr())
	}
	s.Stop() // a second Stop must be harmless

	addr := s.Addr()
	s.Restart()
	if s.Addr() != addr {
		t.Errorf("Addr() after Restart = %s, want %s", s.Addr(), addr)
	}
	if err := ping(s.Addr(), time.Second); err != nil {
		t.Fatalf("ping(%s) after Restart = %v, want nil", s.Addr(), err)
	}
}

func TestPauseResume(t *testing.T) {
	s := Start(t)
	s.Pause()
	// A paused server accepts the connection and never answers; a
	// running one answers within a millisecond or so.
	if err := ping(s.Addr(), 100*time.Millisecond); err == nil {
		t.Fatalf("ping(%s) while paused = nil, want a time-out", s.Addr())
	}
	s.Resume()
	if err := ping(s.Addr(), time.Second); err != nil {
		t.Fatalf("ping(%s) after Resume = %v, want nil", s.Addr(), err)
	}
	s.Pause() // Stop in Cleanup must end a paused server too
}

func TestStartArgs(t *testing.T) {
	s := Start(t, "--requirepass", "hunter2hunter2")
	// ping accepts -NOAUTH as "up", so ask for something that needs the
	// password to see that the argument reached the server.
	c, err := net.DialTimeout("tcp", s.Addr(), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(time.Second))
	if _, err := c.Write([]byte("GET k\r\n")); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(line, "-NOAUTH") {
		t.Errorf("GET without password = %q, want -NOAUTH ...", line)
	}
}

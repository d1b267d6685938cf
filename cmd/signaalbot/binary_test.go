package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	dto "github.com/prometheus/client_model/go"

	"signaal/internal/syncbuf"
)

// Helpers for the tests that run the signaalbot binary itself, the way
// an operator or a container runtime does.

// waitLong bounds each wait for something the running binary does. It is
// generous: only a broken bot takes this long, and a slow machine must not
// fail a test.
const waitLong = 30 * time.Second

// running is a signaalbot serve started by a test: the binary, or the
// command run in this process.
type running struct {
	t      *testing.T
	cmd    *exec.Cmd       // the process; nil when serve runs in this process
	out    *syncbuf.Buffer // standard output and error
	admin  string          // ADMIN_ADDR
	exited chan error
	// In this process: the clock the Telegram channel waits on, and
	// the end of the context serve runs in, which is what SIGTERM does
	// to the binary (see main).
	clock *fastClock
	term  context.CancelFunc
}

// startBinary runs `signaalbot serve args...` with exactly env as its
// environment (ADMIN_ADDR is added, on a free port, and the binary's
// MODEL_CACHE of the tests unless env has one), and kills it when the test ends if it
// is still running.
func startBinary(t *testing.T, env []string, args ...string) *running {
	t.Helper()
	r := &running{t: t, out: &syncbuf.Buffer{}, admin: freeAddr(t), exited: make(chan error, 1)}
	r.cmd = exec.Command(buildBinary(t), append([]string{"serve"}, args...)...)
	r.cmd.Env = append(withModelCache(env, binaryModels), "ADMIN_ADDR="+r.admin)
	r.cmd.Stdout, r.cmd.Stderr = r.out, r.out
	r.cmd.Dir = t.TempDir()
	return r.start()
}

func (r *running) start() *running {
	r.t.Helper()
	if err := r.cmd.Start(); err != nil {
		r.t.Fatal(err)
	}
	go func() { r.exited <- r.cmd.Wait() }()
	r.t.Cleanup(func() {
		if r.cmd.ProcessState == nil {
			_ = r.cmd.Process.Kill()
			<-r.exited
		}
	})
	return r
}

// startServe runs the serve command in this process, through the code
// path of the binary's main, with exactly env as its environment
// (ADMIN_ADDR added, and the tests' MODEL_CACHE unless env has one), and
// with the Telegram channel on a fastClock. The embedded engine is
// compiled once for all of them. It returns once serve is wired, and
// stops it when the test ends if it is still running. What only the
// binary can show (its signals, what it ships) the tests that use
// startBinary show.
func startServe(t *testing.T, env []string, args ...string) *running {
	t.Helper()
	redisLog.RLock()
	defer redisLog.RUnlock()
	r := serveInProcess(t, env, args)
	r.await("the admin server", func() bool { code, _ := r.get("/healthz"); return code != 0 })
	return r
}

// startServeOwnLog is startServe for a test that reads everything its
// serve logs: no other serve is wired while it runs (see redisLog).
func startServeOwnLog(t *testing.T, env []string, args ...string) *running {
	t.Helper()
	redisLog.Lock()
	t.Cleanup(redisLog.Unlock) // after the serve has stopped
	return serveInProcess(t, env, args)
}

// redisLog keeps the log of the Redis client's own lines with the serve
// whose it is. The client has one log a process, which a bot wired with
// Redis makes its own (see redisstore.SetLogger): a serve wired while
// another runs would take those lines out of the other's log. The serves
// in this process hold it to read while they are wired, a test that reads
// everything its serve logs for as long as that serve runs.
var redisLog sync.RWMutex

func serveInProcess(t *testing.T, env, args []string) *running {
	t.Helper()
	r := &running{t: t, out: &syncbuf.Buffer{}, admin: freeAddr(t), exited: make(chan error, 1), clock: newFastClock()}
	vars := map[string]string{}
	for _, kv := range append(withModelCache(env, modelCache), "ADMIN_ADDR="+r.admin) {
		k, v, _ := strings.Cut(kv, "=")
		vars[k] = v
	}
	a := &app{
		stdin: strings.NewReader(""), stdout: r.out, stderr: r.out,
		getenv: func(k string) string { return vars[k] },
		clock:  r.clock.clock(),
	}
	ctx, term := context.WithCancel(context.Background())
	r.term = term
	done := make(chan struct{})
	go func() {
		defer close(done)
		if code := a.run(ctx, append([]string{"serve"}, args...)); code != 0 {
			r.exited <- fmt.Errorf("exit status %d", code)
			return
		}
		r.exited <- nil
	}()
	t.Cleanup(func() {
		term()
		<-done
	})
	return r
}

// get fetches path from the admin server; status 0 when it does not answer.
func (r *running) get(path string) (int, string) {
	resp, err := http.Get("http://" + r.admin + path)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// pollFirst and pollEvery are how often await looks: at once, then after
// a millisecond, twice as long each time after that, up to every 20 ms.
// Most of what a test waits for happens within a few milliseconds, and
// is seen then rather than a whole poll later; what takes longer (the
// binary starting, a retry) is looked at no more often than before.
const (
	pollFirst = time.Millisecond
	pollEvery = 20 * time.Millisecond
)

// await polls cond until it holds, or fails the test with the process's
// output.
func (r *running) await(what string, cond func() bool) {
	r.t.Helper()
	deadline := time.Now().Add(waitLong)
	pause := pollFirst
	for !cond() {
		select {
		case err := <-r.exited:
			r.exited <- err
			r.t.Fatalf("signaalbot exited (%v) while waiting for %s:\n%s", err, what, r.out.String())
		default:
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("timed out after %v waiting for %s:\n%s", waitLong, what, r.out.String())
		}
		time.Sleep(pause)
		pause = min(2*pause, pollEvery)
	}
}

// awaitReady waits for /readyz to answer 200.
func (r *running) awaitReady() {
	r.t.Helper()
	r.await("/readyz to answer 200", func() bool { code, _ := r.get("/readyz"); return code == http.StatusOK })
}

// stop sends SIGTERM (or ends the context of serve in this process) and
// checks that it ends with exit 0.
func (r *running) stop() {
	r.t.Helper()
	if r.cmd == nil {
		r.term()
	} else if err := r.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		r.t.Fatal(err)
	}
	select {
	case err := <-r.exited:
		r.exited <- err
		if err != nil {
			r.t.Fatalf("signaalbot serve after SIGTERM: %v, want exit 0\n%s", err, r.out.String())
		}
	case <-time.After(waitLong):
		r.t.Fatalf("signaalbot serve did not exit within %v of SIGTERM\n%s", waitLong, r.out.String())
	}
}

// scrape reads /metrics and parses it with Prometheus's own parser.
func (r *running) scrape() map[string]*dto.MetricFamily {
	r.t.Helper()
	code, body := r.get("/metrics")
	if code != http.StatusOK {
		r.t.Fatalf("GET /metrics = %d: %s", code, body)
	}
	p := expfmt.NewTextParser(model.LegacyValidation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(body))
	if err != nil {
		r.t.Fatalf("/metrics does not parse: %v", err)
	}
	return fams
}

// sample returns the value of the series name{labels} (the sample count of
// a histogram), or -1 when there is no such series. labels are pairs.
func sample(fams map[string]*dto.MetricFamily, name string, labels ...string) float64 {
	f := fams[name]
	if f == nil {
		return -1
	}
	want := map[string]string{}
	for i := 0; i+1 < len(labels); i += 2 {
		want[labels[i]] = labels[i+1]
	}
next:
	for _, m := range f.GetMetric() {
		if len(m.GetLabel()) != len(want) {
			continue
		}
		for _, l := range m.GetLabel() {
			if want[l.GetName()] != l.GetValue() {
				continue next
			}
		}
		switch {
		case m.GetCounter() != nil:
			return m.GetCounter().GetValue()
		case m.GetGauge() != nil:
			return m.GetGauge().GetValue()
		case m.GetHistogram() != nil:
			return float64(m.GetHistogram().GetSampleCount())
		}
	}
	return -1
}

// sum adds every series of a family.
func sum(fams map[string]*dto.MetricFamily, name string) float64 {
	total := 0.0
	for _, m := range fams[name].GetMetric() {
		total += m.GetCounter().GetValue()
	}
	return total
}

// runBinary runs a short signaalbot command with exactly env and returns
// its exit code and output.
func runBinary(t *testing.T, env []string, args ...string) (int, string) {
	t.Helper()
	bin := buildBinary(t) // building is not the command's time
	ctx, cancel := context.WithTimeout(context.Background(), waitLong)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = env
	cmd.Dir = t.TempDir()
	out, err := cmd.CombinedOutput()
	if err != nil && cmd.ProcessState == nil {
		t.Fatalf("signaalbot %s: %v", strings.Join(args, " "), err)
	}
	return cmd.ProcessState.ExitCode(), string(out)
}

func describe(fams map[string]*dto.MetricFamily, names ...string) string {
	var b strings.Builder
	for _, n := range names {
		if f := fams[n]; f != nil {
			for _, m := range f.GetMetric() {
				fmt.Fprintf(&b, "%s %v\n", n, m)
			}
		}
	}
	return b.String()
}

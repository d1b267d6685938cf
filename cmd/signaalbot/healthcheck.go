package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// healthcheck asks the admin server of a running serve whether the process
// is alive (/healthz), and exits 0 when it answers 200. It is the
// container's HEALTHCHECK: the runtime image has no shell and no curl, so
// the binary checks itself. It reads ADMIN_ADDR like serve, so the two
// agree without repeating the address.
func (a *app) healthcheck(ctx context.Context, args []string) error {
	fs := a.flagSet("healthcheck")
	set := a.bindSettings(fs, []setting{adminAddrSetting})
	timeout := fs.Duration("timeout", 3*time.Second, "how long to wait for the answer")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	addr := set.get("ADMIN_ADDR")
	if err := checkAddr(addr); err != nil {
		return fmt.Errorf("%s=%q: %v", set.where("ADMIN_ADDR"), addr, err)
	}
	status, _, err := adminGet(ctx, addr, "/healthz", *timeout)
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		return fmt.Errorf("/healthz answered %d", status)
	}
	fmt.Fprintln(a.stdout, "ok")
	return nil
}

// adminGet gets path from the admin server at addr and returns the status
// and body.
func adminGet(ctx context.Context, addr, path string, timeout time.Duration) (int, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+dialAddr(addr)+path, nil)
	if err != nil {
		return 0, nil, err
	}
	// No proxy: the admin server is reached directly, whatever
	// HTTP_PROXY the environment holds for Telegram.
	client := &http.Client{Transport: &http.Transport{Proxy: nil}}
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, fmt.Errorf("admin server at %s: %w", dialAddr(addr), err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	return resp.StatusCode, body, err
}

// dialAddr turns a listen address into one to connect to: a server
// listening on every interface (":9090", "0.0.0.0:9090") is reached on
// loopback.
func dialAddr(listen string) string {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return listen
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return net.JoinHostPort(host, port)
}

package main

import (
	"context"
	"errors"
	"fmt"
	"net"
)

// serve runs the bot until SIGTERM or SIGINT, then finishes what it
// received within the shutdown timeout and exits 0: on Telegram when a
// token is set, and the web chat when WEB_ADDR is, each or both, on one
// dispatcher, store and set of metrics. Beside them runs the admin server
// (health, readiness, metrics, daily totals), in every mode.
//
// Every setting comes from the environment or a flag (see serveSettings);
// secrets, the token first, from the environment only, so that they do not
// show in the process list or a shell history.
func (a *app) serve(ctx context.Context, args []string) error {
	fs := a.flagSet("serve")
	set := a.bindSettings(fs, serveSettings)
	usage := fs.Usage
	fs.Usage = func() {
		usage()
		printSecrets(fs.Output(), serveSettings)
	}
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	cfg, err := readServeConfig(set)
	if err != nil {
		return err
	}

	// The admin address is taken first: a port in use is a mistake in the
	// settings, reported before anything starts.
	adminLn, err := net.Listen("tcp", cfg.adminAddr)
	if err != nil {
		return errors.New(set.where("ADMIN_ADDR") + ": " + err.Error())
	}
	defer adminLn.Close()
	var webLn net.Listener
	if cfg.web.addr != "" {
		if webLn, err = net.Listen("tcp", cfg.web.addr); err != nil {
			return errors.New(set.where("WEB_ADDR") + ": " + err.Error())
		}
		defer webLn.Close()
	}

	m := &Main{Config: cfg.main(), Stderr: a.stderr, Clock: a.clock}
	if err := m.Open(ctx); err != nil {
		return statsFields(set, err)
	}
	defer m.Close()
	return m.Serve(ctx, adminLn, webLn, func(addr string) (net.Listener, error) {
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			return nil, errors.New(set.where("LISTEN_ADDR") + ": " + err.Error())
		}
		return ln, nil
	})
}

package web

import (
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/netip"
	"net/url"
	"regexp"
	"signaal/bot"
	"strings"
)

// apiCSP is the policy of every answer but the page: it loads nothing
// and no site may frame it.
const apiCSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// pageCSP is the page's policy. It loads its script, style and icon from
// its own origin and talks only to its own API: no other request is
// possible, no inline script, and no HTML made from strings (Trusted
// Types), so that even a reply the engine got wrong cannot run. Only the
// partner sites in ancestors may frame it.
func pageCSP(ancestors string) string {
	return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
		"base-uri 'none'; form-action 'none'; frame-ancestors " + ancestors + "; " +
		"require-trusted-types-for 'script'; trusted-types 'none'"
}

// CheckFrameAncestors reports whether every one of origins can be a
// partner site allowed to show the page in a frame (Server.FrameAncestors).
func CheckFrameAncestors(origins []string) error {
	_, err := frameAncestors(origins)
	return err
}

// frameAncestors checks the partner sites allowed to frame the page and
// returns them as the value of frame-ancestors: 'none' when there are
// none. Each is an origin: https, a host (its leftmost label may be *)
// and an optional port; http only for loopback, for tests.
func frameAncestors(origins []string) (string, error) {
	var out []string
	for _, o := range origins {
		u, err := url.Parse(o)
		ok := err == nil && u.Host != "" && u.User == nil && (u.Path == "" || u.Path == "/") && u.RawQuery == "" && u.Fragment == ""
		if ok {
			switch u.Scheme {
			case "https":
			case "http":
				ip, err := netip.ParseAddr(u.Hostname())
				ok = (err == nil && ip.IsLoopback()) || u.Hostname() == "localhost"
			default:
				ok = false
			}
		}
		if ok {
			host := strings.TrimPrefix(u.Hostname(), "*.")
			ok = host != "" && !strings.ContainsAny(host, "*;, '\"")
		}
		if !ok {
			return "", fmt.Errorf("web: frame ancestor %q is not an origin such as https://www.example.nl", o)
		}
		out = append(out, u.Scheme+"://"+u.Host)
	}
	if len(out) == 0 {
		return "'none'", nil
	}
	return strings.Join(out, " "), nil
}

// headers puts the security headers on every answer, errors included.
// The page replaces the Content-Security-Policy with its own, and drops
// X-Frame-Options when partner sites may frame it.
func (s *Server) headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		// Nothing of a conversation may be kept by a browser or a proxy:
		// the back button or a shared computer must not show it again.
		h.Set("Cache-Control", "no-store")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", apiCSP)
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()")
		next.ServeHTTP(w, r)
	})
}

// recoverJSON answers a panic below it with a JSON error, never a stack
// trace, and logs where it happened without what the request held. (The
// dispatcher recovers its own; this is for the channel's.)
func recoverJSON(s *Server, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v) // net/http's own way to cut a response short
			}
			s.log().Error("web: panic while handling a request", "where", bot.PanicSite(), "type", fmt.Sprintf("%T", v))
			s.fail(w, r, errInternal)
		}()
		next.ServeHTTP(w, r)
	})
}

// addrPattern finds IPv4 and IPv6 addresses, with their ports.
var addrPattern = regexp.MustCompile(`\[?(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%\w+)?\]?(?::\d+)?|\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b`)

// newErrorLog is the HTTP server's own log, which names the client's
// address in some lines: they are written to l without it.
func newErrorLog(l *slog.Logger) *log.Logger {
	return log.New(errorLogWriter{l}, "", 0)
}

type errorLogWriter struct{ l *slog.Logger }

func (w errorLogWriter) Write(p []byte) (int, error) {
	msg := addrPattern.ReplaceAllString(strings.TrimSpace(string(p)), "…")
	w.l.Warn("web: http server", "err", msg)
	return len(p), nil
}

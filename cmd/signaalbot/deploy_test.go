package main

import (
	"bufio"
	"net/url"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// The deployment files are checked against the code here, since no
// container engine runs where the tests do: compose.yaml must declare what
// a one-command deployment needs, with settings the bot knows, and the
// Dockerfile must build with the script CI builds with.

type composeFile struct {
	Name     string                    `yaml:"name"`
	Services map[string]composeService `yaml:"services"`
	Volumes  map[string]any            `yaml:"volumes"`
}

type composeService struct {
	Build       string            `yaml:"build"`
	Image       string            `yaml:"image"`
	Command     []string          `yaml:"command"`
	Restart     string            `yaml:"restart"`
	Environment map[string]string `yaml:"environment"`
	Ports       []string          `yaml:"ports"`
	Volumes     []string          `yaml:"volumes"`
	Tmpfs       []string          `yaml:"tmpfs"`
	DependsOn   map[string]struct {
		Condition string `yaml:"condition"`
	} `yaml:"depends_on"`
	Healthcheck *struct {
		Test        []string `yaml:"test"`
		Interval    string   `yaml:"interval"`
		Timeout     string   `yaml:"timeout"`
		StartPeriod string   `yaml:"start_period"`
		Retries     int      `yaml:"retries"`
	} `yaml:"healthcheck"`
	ReadOnly    bool     `yaml:"read_only"`
	CapDrop     []string `yaml:"cap_drop"`
	SecurityOpt []string `yaml:"security_opt"`
	// StopGracePeriod is how long Docker waits after SIGTERM before it
	// kills the process.
	StopGracePeriod string `yaml:"stop_grace_period"`
}

func readCompose(t *testing.T) composeFile {
	t.Helper()
	raw, err := os.ReadFile("../../compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	dec := yaml.NewDecoder(strings.NewReader(string(raw)))
	dec.KnownFields(true) // a misspelt key would be ignored by compose too
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("compose.yaml: %v", err)
	}
	return c
}

// interpolated is a value as compose would pass it with the variable set:
// ${NAME:?message} and ${NAME:-default} stand for NAME's value.
var interpolation = regexp.MustCompile(`\$\{([A-Z_]+)(:[?-][^}]*)?\}`)

// redisArgs returns the options of the redis-server a compose service
// runs, by name without the dashes, from its command (sh -c "exec
// redis-server ...", so that the password stays out of the command). A
// value quoted empty for the shell, as save's, is "".
func redisArgs(t *testing.T, name string, s composeService) map[string]string {
	t.Helper()
	cmd := strings.Join(s.Command, " ")
	_, line, ok := strings.Cut(cmd, "redis-server ")
	if !ok {
		t.Fatalf("compose.yaml %s command %q does not run redis-server", name, cmd)
	}
	args := map[string]string{}
	words := strings.Fields(line)
	for i := 0; i < len(words); i++ {
		opt, ok := strings.CutPrefix(words[i], "--")
		if !ok {
			t.Fatalf("compose.yaml %s: redis-server argument %q is not an --option", name, words[i])
		}
		if i+1 < len(words) && !strings.HasPrefix(words[i+1], "--") {
			i++
			args[opt] = strings.Trim(words[i], `'"`)
		} else {
			args[opt] = ""
		}
	}
	return args
}

func TestCompose(t *testing.T) {
	c := readCompose(t)
	bot, redis, statsRedis := c.Services["bot"], c.Services["redis"], c.Services["stats-redis"]
	if bot.Build != "." || redis.Image == "" || statsRedis.Image == "" {
		t.Fatalf("compose.yaml services: bot builds %q, redis image %q, stats-redis image %q; want the bot built from this directory and two Redis images", bot.Build, redis.Image, statsRedis.Image)
	}

	// After SIGTERM the bot drains for SHUTDOWN_TIMEOUT, carries out a
	// quick exit already received for up to five seconds more, waits up
	// to two for the last jobs, and confirms the updates it answered with
	// a call of up to five: Docker must not kill it before.
	var shutdown time.Duration
	for _, s := range serveSettings {
		if s.env == "SHUTDOWN_TIMEOUT" {
			shutdown, _ = time.ParseDuration(s.def)
		}
	}
	if d, err := time.ParseDuration(bot.StopGracePeriod); err != nil || shutdown == 0 || d < shutdown+12*time.Second {
		t.Errorf("compose.yaml bot stop_grace_period = %q, want at least SHUTDOWN_TIMEOUT (%v) and 12s: Docker's default of 10s kills the bot before a quick exit and the final acknowledgement are done", bot.StopGracePeriod, shutdown)
	}

	// Every variable the bot is given is one serve knows, and the ones a
	// deployment with Redis cannot do without are there.
	known := map[string]bool{}
	for _, s := range serveSettings {
		known[s.env] = true
	}
	for name := range bot.Environment {
		if !known[name] {
			t.Errorf("compose.yaml gives the bot %s, which is no setting of signaalbot serve", name)
		}
	}
	for _, name := range []string{"TELEGRAM_BOT_TOKEN", "SESSION_SECRET", "REDIS_URL", "REDIS_PASSWORD", "STATS_REDIS_URL", "STATS_REDIS_PASSWORD", "ADMIN_ADDR"} {
		if bot.Environment[name] == "" {
			t.Errorf("compose.yaml does not set %s for the bot", name)
		}
	}
	// Secrets come from .env, and compose refuses to start without them.
	// The token may be empty: the web chat can run alone, and serve
	// refuses to start when neither it nor WEB_ADDR is set.
	if got := bot.Environment["TELEGRAM_BOT_TOKEN"]; got != "${TELEGRAM_BOT_TOKEN:-}" {
		t.Errorf("compose.yaml bot TELEGRAM_BOT_TOKEN = %q, want ${TELEGRAM_BOT_TOKEN:-}", got)
	}
	for _, name := range []string{"SESSION_SECRET", "REDIS_PASSWORD", "STATS_REDIS_PASSWORD"} {
		if !strings.HasPrefix(bot.Environment[name], "${"+name+":?") {
			t.Errorf("compose.yaml bot %s = %q, want ${%s:?...} so that a missing secret stops compose", name, bot.Environment[name], name)
		}
	}
	for variable, service := range map[string]string{"REDIS_URL": "redis", "STATS_REDIS_URL": "stats-redis"} {
		u, err := url.Parse(bot.Environment[variable])
		if err != nil || u.Hostname() != service || u.User != nil {
			t.Errorf("compose.yaml %s = %q, want the %s service, with the password in a variable of its own rather than the URL", variable, bot.Environment[variable], service)
		}
		if dep, ok := bot.DependsOn[service]; !ok || dep.Condition != "service_healthy" {
			t.Errorf("compose.yaml bot depends_on = %+v, want %s with condition service_healthy", bot.DependsOn, service)
		}
	}

	// The bot's container is read-only: the exit journal lives on a
	// volume, in the directory the image gives the bot's user, so that a
	// restart during a Redis outage does not undo a quick exit.
	if journal := bot.Environment["EXIT_JOURNAL"]; journal == "" {
		t.Errorf("compose.yaml does not set EXIT_JOURNAL for the bot: a restart would forget quick exits Redis could not carry out")
	} else {
		dir := path.Dir(journal)
		mounted := false
		for _, v := range bot.Volumes {
			if parts := strings.Split(v, ":"); len(parts) >= 2 && parts[1] == dir {
				mounted = true
			}
		}
		if !mounted {
			t.Errorf("compose.yaml EXIT_JOURNAL = %q, but no volume of the bot is mounted at %s (volumes %q)", journal, dir, bot.Volumes)
		}
		if df, err := os.ReadFile("../../Dockerfile"); err != nil || !strings.Contains(string(df), "--chown=65532:65532 /out/state "+dir) {
			t.Errorf("Dockerfile does not give %s to the bot's user, so the volume there would not be writable", dir)
		}
	}

	// The admin server listens on every interface of the container and is
	// published on the host's loopback only.
	_, adminPort, _ := strings.Cut(bot.Environment["ADMIN_ADDR"], ":")
	if !slices.Contains(bot.Ports, "127.0.0.1:"+adminPort+":"+adminPort) {
		t.Errorf("compose.yaml bot ports = %q, want the admin port %s published on 127.0.0.1", bot.Ports, adminPort)
	}
	for _, p := range bot.Ports {
		if !strings.HasPrefix(p, "127.0.0.1:") {
			t.Errorf("compose.yaml publishes %q beyond the host's loopback", p)
		}
	}
	if hc := bot.Healthcheck; hc == nil || !slices.Equal(hc.Test, []string{"CMD", "/signaalbot", "healthcheck"}) || hc.Interval == "" || hc.Retries < 1 {
		t.Errorf("compose.yaml bot healthcheck = %+v, want CMD /signaalbot healthcheck with an interval and retries", bot.Healthcheck)
	}
	if !bot.ReadOnly || !slices.Contains(bot.CapDrop, "ALL") {
		t.Errorf("compose.yaml bot read_only = %v, cap_drop = %v; the bot writes nothing and needs no capability", bot.ReadOnly, bot.CapDrop)
	}

	// Both Redis: a password from .env and a health check.
	for name, want := range map[string]string{"redis": "REDIS_PASSWORD", "stats-redis": "STATS_REDIS_PASSWORD"} {
		r := c.Services[name]
		if _, ok := redisArgs(t, name, r)["requirepass"]; !ok {
			t.Errorf("compose.yaml %s command %q lacks --requirepass", name, r.Command)
		}
		if !strings.HasPrefix(r.Environment["REDIS_PASSWORD"], "${"+want+":?") {
			t.Errorf("compose.yaml %s REDIS_PASSWORD = %q, want it from %s in .env", name, r.Environment["REDIS_PASSWORD"], want)
		}
		if r.Healthcheck == nil || !strings.Contains(strings.Join(r.Healthcheck.Test, " "), "ping") {
			t.Errorf("compose.yaml %s healthcheck = %+v, want a redis-cli ping", name, r.Healthcheck)
		}
	}

	// The sessions' Redis keeps nothing on disk: no snapshot (save with
	// no rules), no append-only file, no volume, and /data in memory. A
	// session the quick exit deleted must not stay readable in a file.
	args := redisArgs(t, "redis", redis)
	if save, ok := args["save"]; !ok || save != "" {
		t.Errorf("compose.yaml redis runs without --save '' (save = %q, set %v): Redis would write snapshots of the sessions to disk", save, ok)
	}
	if args["appendonly"] != "no" {
		t.Errorf("compose.yaml redis --appendonly = %q, want no: the sessions must not be written to an append-only file", args["appendonly"])
	}
	for _, opt := range []string{"appendfsync", "dir", "dbfilename", "appendfilename"} {
		if _, ok := args[opt]; ok {
			t.Errorf("compose.yaml redis sets --%s, a setting of persistence, which the sessions' Redis has none of", opt)
		}
	}
	if len(redis.Volumes) != 0 || !slices.Equal(redis.Tmpfs, []string{"/data"}) {
		t.Errorf("compose.yaml redis volumes = %q, tmpfs = %q; want no volume and /data on a tmpfs", redis.Volumes, redis.Tmpfs)
	}

	// The totals' Redis keeps them across restarts, on a named volume.
	if args := redisArgs(t, "stats-redis", statsRedis); args["appendonly"] != "yes" {
		t.Errorf("compose.yaml stats-redis --appendonly = %q, want yes: the daily totals are kept for a year", args["appendonly"])
	}
	if len(statsRedis.Volumes) != 1 {
		t.Fatalf("compose.yaml stats-redis volumes = %q, want one for /data", statsRedis.Volumes)
	}
	vol, dir, _ := strings.Cut(statsRedis.Volumes[0], ":")
	if dir != "/data" {
		t.Errorf("compose.yaml stats-redis volume %q, want it on /data, where Redis writes its files", statsRedis.Volumes[0])
	}
	if _, ok := c.Volumes[vol]; !ok {
		t.Errorf("compose.yaml stats-redis uses volume %q, which the file does not declare", vol)
	}
	for name, s := range c.Services {
		if s.Restart == "" {
			t.Errorf("compose.yaml service %s has no restart policy", name)
		}
	}
}

// TestEnvExample checks that .env.example, which the README tells an
// operator to copy, names the secrets compose.yaml requires and nothing
// the bot does not know.
func TestEnvExample(t *testing.T) {
	c := readCompose(t)
	required := map[string]bool{}
	for _, s := range c.Services {
		for _, v := range s.Environment {
			for _, m := range interpolation.FindAllStringSubmatch(v, -1) {
				if strings.HasPrefix(m[2], ":?") {
					required[m[1]] = true
				}
			}
		}
	}
	f, err := os.Open("../../.env.example")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	known := map[string]bool{}
	for _, s := range serveSettings {
		known[s.env] = true
	}
	listed := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, value, ok := strings.Cut(line, "=")
		if !ok || !known[name] {
			t.Errorf(".env.example line %q names no setting of signaalbot serve", line)
		}
		if required[name] && value != "" {
			t.Errorf(".env.example gives %s a value; secrets are left for the operator to make", name)
		}
		listed[name] = true
	}
	for name := range required {
		if !listed[name] {
			t.Errorf(".env.example lacks %s, which compose.yaml requires", name)
		}
	}
}

// TestDockerfile checks what the image promises: built by scripts/build,
// as CI builds, run as user 65532 from a distroless image, with the
// models the build trained in MODEL_CACHE (as TestShippedBinary starts
// it), and the healthcheck subcommand as HEALTHCHECK.
func TestDockerfile(t *testing.T) {
	raw, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	var from, run, user, health, entry, env, copies []string
	// Continuation lines are joined, as Docker reads them.
	text := strings.ReplaceAll(string(raw), "\\\n", " ")
	for _, line := range strings.Split(text, "\n") {
		word, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
		switch word {
		case "FROM":
			from = append(from, rest)
		case "RUN":
			run = append(run, rest)
		case "USER":
			user = append(user, rest)
		case "HEALTHCHECK":
			health = append(health, rest)
		case "ENTRYPOINT":
			entry = append(entry, rest)
		case "ENV":
			env = append(env, rest)
		case "COPY":
			copies = append(copies, rest)
		}
	}
	if len(from) < 2 || !strings.Contains(from[len(from)-1], "distroless/static") {
		t.Errorf("Dockerfile FROM = %q; want a build stage and a distroless static runtime", from)
	}
	if !slices.ContainsFunc(run, func(r string) bool { return strings.Contains(r, "scripts/build /out/signaalbot") }) {
		t.Errorf("Dockerfile RUN = %q; want the binary built by scripts/build, as CI builds it", run)
	}
	built := slices.ContainsFunc(run, func(r string) bool {
		return strings.Contains(r, "MODEL_CACHE=/out/models scripts/build") && strings.Contains(r, "chmod -R a+rX /out/models")
	})
	if !built || !slices.Contains(copies, "--from=build /out/models /models") || !slices.Contains(env, "MODEL_CACHE=/models") {
		t.Errorf("Dockerfile RUN = %q, COPY = %q, ENV = %q; want the models scripts/build trained, readable by all, copied to /models and named in MODEL_CACHE", run, copies, env)
	}
	if !slices.Equal(user, []string{"65532:65532"}) {
		t.Errorf("Dockerfile USER = %q; want 65532:65532, the user TestShippedBinary runs as", user)
	}
	if len(health) != 1 || !strings.Contains(health[0], `CMD ["/signaalbot", "healthcheck"]`) {
		t.Errorf("Dockerfile HEALTHCHECK = %q; want signaalbot healthcheck", health)
	}
	if !slices.Equal(entry, []string{`["/signaalbot"]`}) {
		t.Errorf("Dockerfile ENTRYPOINT = %q; want the binary alone", entry)
	}

	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(ci), "scripts/build") {
		t.Error(".ci/run does not build with scripts/build; CI would test another binary than the image ships")
	}
}

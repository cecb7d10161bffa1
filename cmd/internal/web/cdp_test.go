//go:build unix

package web

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/websocket"
)

// browser is a headless Debian chromium driven over the DevTools protocol
// (CDP) with a minimal client: one websocket to the browser, one page
// target attached in flat mode, JSON messages matched by id.
type browser struct {
	t       *testing.T
	cmd     *exec.Cmd
	ws      *websocket.Conn
	session string

	mu      sync.Mutex
	nextID  int
	pending map[int]chan cdpReply
	events  chan cdpEvent
	done    chan struct{}
}

type cdpReply struct {
	Result json.RawMessage
	Err    error
}

type cdpEvent struct {
	Method string
	Params json.RawMessage
}

const chromiumPath = "/usr/bin/chromium"

// startBrowser launches chromium with the flags this machine needs (no
// sandbox as root, no background networking: the network is closed) and a
// fresh profile.
func startBrowser(t *testing.T) *browser {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s missing in CI: .ci/install-browser.sh should have installed it", chromiumPath)
		}
		t.Skipf("%s not installed (run .ci/install-browser.sh)", chromiumPath)
	}
	// The profile is removed after chromium and all its helper processes
	// are gone (t.TempDir would race with their last writes).
	profile, err := os.MkdirTemp("", "meetscan-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for i := 0; i < 20 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	cmd := exec.Command(chromiumPath, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
		"--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio", "--no-default-browser-check",
		"--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "--remote-allow-origins=http://127.0.0.1", "--user-data-dir="+profile,
		"--window-size=1366,900", "about:blank")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // own group: stopped as one
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	b := &browser{t: t, cmd: cmd, pending: map[int]chan cdpReply{}, events: make(chan cdpEvent, 256), done: make(chan struct{})}
	t.Cleanup(b.close)

	wsURL := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`DevTools listening on (ws://\S+)`)
		sc := bufio.NewScanner(stderr)
		var log strings.Builder
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				wsURL <- m[1]
			} else if log.Len() < 4000 {
				log.WriteString(sc.Text() + "\n")
			}
		}
		io.Copy(io.Discard, stderr)
		close(wsURL)
	}()
	var u string
	select {
	case u = <-wsURL:
	case <-time.After(30 * time.Second):
		t.Fatal("chromium did not print its DevTools address in 30 s")
	}
	if u == "" {
		t.Fatal("chromium exited before printing its DevTools address")
	}
	b.ws, err = websocket.Dial(u, "", "http://127.0.0.1")
	if err != nil {
		t.Fatalf("dial DevTools %s: %v", u, err)
	}
	b.ws.MaxPayloadBytes = 64 << 20 // screenshots
	go b.readLoop()

	var target struct{ TargetID string }
	b.call("", "Target.createTarget", map[string]any{"url": "about:blank"}, &target)
	var attached struct{ SessionID string }
	b.call("", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached)
	b.session = attached.SessionID
	b.do("Page.enable", nil)
	b.do("Runtime.enable", nil)
	b.do("Emulation.setDeviceMetricsOverride", map[string]any{"width": 1366, "height": 900, "deviceScaleFactor": 1, "mobile": false})
	return b
}

func (b *browser) readLoop() {
	defer close(b.done)
	for {
		var msg struct {
			ID     int             `json:"id"`
			Method string          `json:"method"`
			Params json.RawMessage `json:"params"`
			Result json.RawMessage `json:"result"`
			Error  *struct {
				Code    int    `json:"code"`
				Message string `json:"message"`
			} `json:"error"`
		}
		if err := websocket.JSON.Receive(b.ws, &msg); err != nil {
			b.mu.Lock()
			for id, ch := range b.pending {
				ch <- cdpReply{Err: fmt.Errorf("devtools connection: %w", err)}
				delete(b.pending, id)
			}
			b.mu.Unlock()
			return
		}
		if msg.ID == 0 {
			select {
			case b.events <- cdpEvent{msg.Method, msg.Params}:
			default: // nobody is waiting for old events
			}
			continue
		}
		b.mu.Lock()
		ch := b.pending[msg.ID]
		delete(b.pending, msg.ID)
		b.mu.Unlock()
		if ch == nil {
			continue
		}
		if msg.Error != nil {
			ch <- cdpReply{Err: fmt.Errorf("cdp error %d: %s", msg.Error.Code, msg.Error.Message)}
		} else {
			ch <- cdpReply{Result: msg.Result}
		}
	}
}

// call sends a CDP command (to the browser when session is "") and
// decodes its result into out.
func (b *browser) call(session, method string, params any, out any) {
	b.t.Helper()
	if err := b.callErr(session, method, params, out); err != nil {
		b.t.Fatalf("%s: %v", method, err)
	}
}

func (b *browser) callErr(session, method string, params any, out any) error {
	b.mu.Lock()
	b.nextID++
	id := b.nextID
	ch := make(chan cdpReply, 1)
	b.pending[id] = ch
	b.mu.Unlock()
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if session != "" {
		msg["sessionId"] = session
	}
	if err := websocket.JSON.Send(b.ws, msg); err != nil {
		return err
	}
	select {
	case r := <-ch:
		if r.Err != nil {
			return r.Err
		}
		if out != nil {
			return json.Unmarshal(r.Result, out)
		}
		return nil
	case <-time.After(30 * time.Second):
		return errors.New("no answer in 30 s")
	}
}

func (b *browser) do(method string, params any) { b.t.Helper(); b.call(b.session, method, params, nil) }

// eval evaluates a JavaScript expression in the page and returns its value.
func (b *browser) eval(expr string) any {
	b.t.Helper()
	var r struct {
		Result struct {
			Value any `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	b.call(b.session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}, &r)
	if r.ExceptionDetails != nil {
		b.t.Fatalf("eval %q: %s %s", expr, r.ExceptionDetails.Text, r.ExceptionDetails.Exception.Description)
	}
	return r.Result.Value
}

func (b *browser) evalString(expr string) string {
	b.t.Helper()
	s, _ := b.eval(expr).(string)
	return s
}

func (b *browser) evalNumber(expr string) float64 {
	b.t.Helper()
	f, _ := b.eval(expr).(float64)
	return f
}

// navigate loads url and waits for the load event.
func (b *browser) navigate(url string) {
	b.t.Helper()
	b.drainEvents()
	var r struct{ ErrorText string }
	b.call(b.session, "Page.navigate", map[string]any{"url": url}, &r)
	if r.ErrorText != "" {
		b.t.Fatalf("navigate %s: %s", url, r.ErrorText)
	}
	b.waitLoad()
}

func (b *browser) drainEvents() {
	for {
		select {
		case <-b.events:
		default:
			return
		}
	}
}

// waitLoad waits for the next Page.loadEventFired, then for the document
// to be complete.
func (b *browser) waitLoad() {
	b.t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case ev := <-b.events:
			if ev.Method == "Page.loadEventFired" {
				return
			}
		case <-deadline:
			b.t.Fatal("page did not load in 30 s")
		}
	}
}

// click clicks the element matching a CSS selector with real mouse events
// at its centre, as a person would, and waits for the navigation it causes.
func (b *browser) click(selector string, navigates bool) {
	b.t.Helper()
	var box []float64
	raw := b.eval(fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) return null;
		e.scrollIntoView({block: "center"}); const r = e.getBoundingClientRect();
		return [r.left + r.width/2, r.top + r.height/2]; })()`, selector))
	vals, _ := raw.([]any)
	for _, v := range vals {
		f, _ := v.(float64)
		box = append(box, f)
	}
	if len(box) != 2 {
		b.t.Fatalf("click: no element %s", selector)
	}
	b.drainEvents()
	for _, typ := range []string{"mousePressed", "mouseReleased"} {
		b.do("Input.dispatchMouseEvent", map[string]any{"type": typ, "x": box[0], "y": box[1], "button": "left", "clickCount": 1})
	}
	if navigates {
		b.waitLoad()
	}
}

// typeInto focuses an input, replaces its text with s as typed text, and
// presses Enter (which submits its form).
func (b *browser) typeInto(selector, s string) {
	b.t.Helper()
	b.eval(fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.focus(); e.select(); return true; })()`, selector))
	b.do("Input.insertText", map[string]any{"text": s})
	b.drainEvents()
	b.do("Input.dispatchKeyEvent", map[string]any{"type": "keyDown", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"})
	b.do("Input.dispatchKeyEvent", map[string]any{"type": "keyUp", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13})
	b.waitLoad()
}

// screenshot saves a PNG of the whole page to dir/name.png.
func (b *browser) screenshot(dir, name string) string {
	b.t.Helper()
	return b.capture(dir, name, true)
}

// screenshotTop saves a PNG of the first screen of the page.
func (b *browser) screenshotTop(dir, name string) string {
	b.t.Helper()
	return b.capture(dir, name, false)
}

func (b *browser) capture(dir, name string, full bool) string {
	b.t.Helper()
	var r struct{ Data string }
	b.call(b.session, "Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": full}, &r)
	png, err := base64.StdEncoding.DecodeString(r.Data)
	if err != nil {
		b.t.Fatal(err)
	}
	path := dir + "/" + name + ".png"
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	return path
}

func (b *browser) close() {
	if b.ws != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		go func() {
			b.callErr("", "Browser.close", nil, nil)
			cancel()
		}()
		<-ctx.Done()
		b.ws.Close()
	}
	if b.cmd.Process == nil {
		return
	}
	exited := make(chan struct{})
	go func() { b.cmd.Wait(); close(exited) }()
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
	}
	// Chromium's helpers (zygote, renderers) are in the group we started.
	syscall.Kill(-b.cmd.Process.Pid, syscall.SIGKILL)
	<-exited
}

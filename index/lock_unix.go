//go:build unix

package index

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// fileLock is an exclusive, non-blocking flock on DIR.lock. The kernel
// drops it when the process dies, so a killed meetscan never leaves a stale
// lock behind.
type fileLock struct{ f *os.File }

func lockDir(dir, owner string) (*fileLock, error) {
	path := dir + ".lock"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open index lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		le := &LockedError{Dir: dir}
		if b, rerr := os.ReadFile(path); rerr == nil {
			le.PID, le.Owner = parseLockFile(string(b))
		}
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, le
		}
		return nil, fmt.Errorf("lock index %s: %w", dir, err)
	}
	// Record who holds it; readers only use this for the message.
	_ = f.Truncate(0)
	_, _ = f.WriteAt([]byte(fmt.Sprintf("%d\n%s\n", os.Getpid(), owner)), 0)
	return &fileLock{f: f}, nil
}

func (l *fileLock) setOwner(owner string) {
	_ = l.f.Truncate(0)
	_, _ = l.f.WriteAt([]byte(fmt.Sprintf("%d\n%s\n", os.Getpid(), owner)), 0)
}

func (l *fileLock) unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	_ = l.f.Truncate(0)
	err := syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}

func parseLockFile(s string) (pid int, owner string) {
	lines := strings.SplitN(s, "\n", 3)
	if len(lines) > 0 {
		pid, _ = strconv.Atoi(strings.TrimSpace(lines[0]))
	}
	if len(lines) > 1 {
		owner = strings.TrimSpace(lines[1])
	}
	return pid, owner
}

//go:build !unix

package index

import (
	"errors"
	"fmt"
	"os"
)

// fileLock on systems without flock: an exclusively created DIR.lock file.
// A killed process leaves it behind; the error message says which file to
// remove.
type fileLock struct{ path string }

func lockDir(dir, owner string) (*fileLock, error) {
	path := dir + ".lock"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, &LockedError{Dir: dir, Owner: "remove " + path + " if no meetscan is running"}
		}
		return nil, fmt.Errorf("open index lock: %w", err)
	}
	fmt.Fprintf(f, "%d\n%s\n", os.Getpid(), owner)
	f.Close()
	return &fileLock{path: path}, nil
}

func (l *fileLock) setOwner(owner string) {
	_ = os.WriteFile(l.path, []byte(fmt.Sprintf("%d\n%s\n", os.Getpid(), owner)), 0o644)
}

func (l *fileLock) unlock() error {
	if l == nil || l.path == "" {
		return nil
	}
	err := os.Remove(l.path)
	l.path = ""
	return err
}

//go:build !unix

package safefile

import (
	"errors"
	"io/fs"
	"os"
	"strconv"
)

// acquire creates the lock file exclusively. Without flock(2), a lock left
// by a killed process cannot be told from a live one: the error names the
// pid so that a user can check and remove the file.
func acquire(path string) (*Lock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		data, _ := os.ReadFile(path)
		return nil, &BusyError{Path: path, PID: readPID(data)}
	}
	if err != nil {
		return nil, err
	}
	f.WriteString(strconv.Itoa(os.Getpid()) + "\n")
	return &Lock{path: path, f: f}, nil
}

func (l *Lock) release() {
	if l.f == nil {
		return
	}
	l.f.Close()
	os.Remove(l.path)
	l.f = nil
}

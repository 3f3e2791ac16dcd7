//go:build unix

package safefile

import (
	"errors"
	"io"
	"os"
	"strconv"
	"syscall"
)

// acquire uses flock(2) on the lock file: the kernel releases it when its
// process ends however it ends (kill -9 included), so a stale lock is
// simply one nobody holds, and is taken over. The file is never
// followed if it is a symbolic link.
func acquire(path string) (*Lock, error) {
	for try := 0; try < 10; try++ {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o644)
		if err != nil {
			return nil, err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			data, _ := io.ReadAll(io.LimitReader(f, 32))
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, &BusyError{Path: path, PID: readPID(data)}
			}
			return nil, err
		}
		// The holder before may have removed the file between our open
		// and our lock: then the lock is on a file nobody else sees.
		opened, err1 := f.Stat()
		now, err2 := os.Lstat(path)
		if err1 != nil || err2 != nil || !os.SameFile(opened, now) {
			f.Close()
			continue
		}
		if err := f.Truncate(0); err == nil {
			f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
		}
		return &Lock{path: path, f: f}, nil
	}
	return nil, &BusyError{Path: path}
}

func (l *Lock) release() {
	if l.f == nil {
		return
	}
	os.Remove(l.path) // while still held: see acquire
	l.f.Close()
	l.f = nil
}

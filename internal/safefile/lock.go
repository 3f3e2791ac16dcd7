package safefile

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
)

// Lock is a folder held by one svccat process.
type Lock struct {
	path string
	f    *os.File
}

// BusyError says another process holds the lock.
type BusyError struct {
	Path string
	PID  int // 0 when unknown
}

func (e *BusyError) Error() string {
	who := "another svccat"
	if e.PID > 0 {
		who = fmt.Sprintf("another svccat (pid %d)", e.PID)
	}
	return fmt.Sprintf("%s is writing there (lock %s); wait for it to finish", who, e.Path)
}

// held are the locks this process holds, for Cleanup.
var held = struct {
	sync.Mutex
	locks map[*Lock]bool
}{locks: map[*Lock]bool{}}

// Acquire takes the lock file at path, which holds the pid of its holder.
// It fails at once with a *BusyError when a live process holds it; a lock
// left by a process that is gone (killed) is taken over.
func Acquire(path string) (*Lock, error) {
	l, err := acquire(path)
	if err != nil {
		return nil, err
	}
	held.Lock()
	held.locks[l] = true
	held.Unlock()
	return l, nil
}

// Release gives the lock up and removes its file.
func (l *Lock) Release() {
	held.Lock()
	delete(held.locks, l)
	held.Unlock()
	l.release()
}

func releaseAll() {
	held.Lock()
	defer held.Unlock()
	for l := range held.locks {
		l.release()
		delete(held.locks, l)
	}
}

func readPID(data []byte) int {
	pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	return pid
}

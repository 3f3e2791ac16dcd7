package safefile

import (
	"os"
	"os/signal"
	"syscall"
)

// CleanupOnSignal makes SIGINT and SIGTERM remove the temporary files
// being written and the locks held, then end the process with the
// shell's code for the signal (130, 143). It returns a function that
// stops the handling.
func CleanupOnSignal(exit func(code int)) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			Cleanup()
			code := 130
			if sig == syscall.SIGTERM {
				code = 143
			}
			exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// Package rules holds every lint rule, one file per rule, and All, the
// explicit list the linter runs.
package rules

import "github.com/svccat/svccat/internal/lint"

// All returns every rule in the order `svccat rules` lists them.
func All() []*lint.Rule {
	return []*lint.Rule{
		File,
		YAMLSyntax,
		Schema,
		DuplicateName,
		UnresolvedReference,
		DependencyCycle,
		InternalFocus,
		UntracedService,
		OrphanSupportingService,
		SegmentWithoutPersona,
		MarketWithoutSegment,
		MarketIncomplete,
		MissingOwner,
		ImpactInversion,
		RTOInfeasible,
		RPOInfeasible,
		SLOInfeasible,
		MissingSLO,
		MissingOncall,
		DependsOnRetired,
		DependsOnPipeline,
		MissingCost,
		CurrencyMismatch,
		UnderRecovery,
		UnknownCostPool,
		SLOMissed,
		ConsumptionVariance,
		LowSatisfaction,
		UncoveredStakeholder,
		SingleThreadedStakeholder,
		StaleRelationship,
		SegmentWithoutStakeholder,
		DuplicateReference,
		SuppressionWithoutReason,
		UnusedSuppression,
		SuppressionUnknownRule,
	}
}

// ByName finds a rule by id.
func ByName(name string) *lint.Rule {
	for _, r := range All() {
		if r.Name == name {
			return r
		}
	}
	return nil
}

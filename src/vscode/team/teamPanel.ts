/**
 * The entry of the lazily loaded Team bundle (dist/teamView.js): the controller and the actions.
 * Required on first use by teamView.ts, so activation never parses any of it.
 */
export { TeamController } from './teamController';
export { createTeamBudget, enableInvocationLogging, showTeamAdminPolicy } from './teamActions';

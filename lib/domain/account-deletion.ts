/** Days between asking to delete an account and its deletion; signing in before then cancels it. (docs/security.md, "Deleting an account") */
export const ACCOUNT_DELETION_GRACE_DAYS = 14;

/** The name kept stories show once their creator's account is deleted. */
export const FORMER_MEMBER_NAME = "Former member";

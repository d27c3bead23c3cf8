export function toAuthenticatedUser(user) {
    return {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        governmentId: user.governmentId,
        locale: user.locale,
    };
}
//# sourceMappingURL=authenticated-user.js.map
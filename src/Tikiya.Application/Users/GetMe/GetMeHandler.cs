using Mediator;
using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Application.Users.GetMe;

internal sealed class GetMeHandler(IApplicationDbContext db) : IQueryHandler<GetMeQuery, UserResponse>
{
    public async ValueTask<UserResponse> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == query.UserId, cancellationToken)
            ?? throw new NotAuthenticatedException();
        return user.ToResponse();
    }
}
